package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MySqlDialectTest {
  private final MySqlDialect dialect = new MySqlDialect();

  private static SQLException code(int vendor) {
    return new SQLException("x", "HY000", vendor);
  }

  @Test
  void errorsThatAskForARetryAreBusyAndDuplicateKeysAreConflicts() {
    for (int busy : new int[] {1213, 1205, 1412, 1020}) {
      assertThat(dialect.isBusy(code(busy))).as("code %d", busy).isTrue();
      assertThat(dialect.isDuplicateKey(code(busy))).isFalse();
    }
    assertThat(dialect.isDuplicateKey(code(1062))).isTrue();
    assertThat(dialect.isBusy(code(1064))).isFalse();
  }
}
