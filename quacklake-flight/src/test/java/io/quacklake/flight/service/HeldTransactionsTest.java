package io.quacklake.flight.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Held transactions: idle ones are rolled back (their files deleted), busy ones are kept. */
class HeldTransactionsTest {
  @TempDir Path temp;

  @Test
  void idleTransactionsAreRolledBack() throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
      HeldTransactions held = new HeldTransactions();
      String idle = held.begin(lake);
      String busy = held.begin(lake);
      List<Map<String, ?>> rows = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        rows.add(Map.of("id", (long) i));
      }
      held.use(
          idle,
          tx -> {
            tx.insert("t", rows);
            return null;
          });
      assertThat(parquetFiles()).isPositive();
      assertThat(held.expireIdle(Duration.ofHours(1))).as("nothing idle that long").isZero();
      Thread.sleep(20);
      held.read(busy, tx -> null);
      assertThat(held.expireIdle(Duration.ofMillis(10))).isEqualTo(1);
      assertThat(parquetFiles()).as("the idle transaction's files are deleted").isZero();
      assertThatThrownBy(() -> held.commit(idle)).hasMessageContaining("is not open");
      held.commit(busy);
    }
  }

  private long parquetFiles() throws Exception {
    try (var walk = Files.walk(temp.resolve("data"))) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
