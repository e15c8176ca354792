package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements run on a {@link CatalogSession} through {@link Sql}: rows map to values, and a failed
 * statement is classified and translated by {@link CatalogConnection} alone.
 */
class CatalogSessionTest {
  @TempDir Path dir;
  private CatalogConnection catalog;

  @BeforeEach
  void openCatalog() throws SQLException {
    Path file = dir.resolve("catalog.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE ducklake_metadata(key VARCHAR, value VARCHAR, scope VARCHAR,"
              + " scope_id BIGINT)");
      s.execute("INSERT INTO ducklake_metadata VALUES ('version', '1.0', NULL, NULL)");
      s.execute("CREATE TABLE t(id BIGINT PRIMARY KEY, name VARCHAR)");
      s.execute("INSERT INTO t VALUES (1, 'one'), (2, NULL)");
    }
    catalog = CatalogConnection.open(new CatalogLocation(CatalogKind.SQLITE, file.toString()));
  }

  @AfterEach
  void closeCatalog() {
    catalog.close();
  }

  @Test
  void queryMapsEveryRowAndOneTheFirstOrNull() {
    List<String> names =
        catalog.read(
            "names", s -> Sql.query(s, "SELECT name FROM t ORDER BY id", rs -> rs.getString(1)));
    assertThat(names).containsExactly("one", null);
    Long missing =
        catalog.read(
            "one id", s -> Sql.one(s, "SELECT id FROM t WHERE id = ?", rs -> rs.getLong(1), 9L));
    assertThat(missing).isNull();
  }

  @Test
  void lostRaceForAKeyIsContention() {
    assertThatThrownBy(
            () ->
                catalog.writeContended(
                    "insert", s -> Sql.update(s, "INSERT INTO t VALUES (1, 'x')")))
        .isInstanceOf(CatalogContention.class)
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void failedStatementIsUnavailableNamingTheWriteAndRollsItBack() {
    assertThatThrownBy(
            () ->
                catalog.write(
                    "setting option x",
                    s -> {
                      Sql.update(s, "INSERT INTO t VALUES (3, 'three')");
                      return Sql.update(s, "UPDATE no_such_table SET a = 1");
                    }))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageStartingWith("setting option x failed: ")
        .hasMessageContaining("no_such_table")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    Long rows =
        catalog.read("count", s -> Sql.one(s, "SELECT COUNT(*) FROM t", rs -> rs.getLong(1)));
    assertThat(rows).isEqualTo(2L);
  }

  @Test
  void failedReadIsUnavailableNamingWhatWasRead() {
    assertThatThrownBy(
            () -> catalog.read("the widgets", s -> Sql.query(s, "SELECT * FROM nope", rs -> 1)))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("reading the widgets failed")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
  }

  @Test
  void sessionFailureEndsTheWriteLikeAFailedStatement() {
    assertThatThrownBy(
            () ->
                catalog.write(
                    "commit to catalog c",
                    s -> {
                      throw s.failure("schema s no longer exists");
                    }))
        .isInstanceOf(QuacklakeException.class)
        .hasMessage("commit to catalog c failed: schema s no longer exists");
  }

  @Test
  void contentionIsRecognisedInsideTheWrite() {
    boolean[] seen = {false};
    assertThatThrownBy(
            () ->
                catalog.writeContended(
                    "insert",
                    s -> {
                      try {
                        return Sql.update(s, "INSERT INTO t VALUES (2, 'x')");
                      } catch (RuntimeException e) {
                        seen[0] = s.isContention(e);
                        throw e;
                      }
                    }))
        .isInstanceOf(CatalogContention.class);
    assertThat(seen[0]).isTrue();
  }
}
