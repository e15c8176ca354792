package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB catalog files are opened confined: the file's SQL cannot reach anything outside it. */
class DuckDbDialectTest {
  @TempDir Path temp;

  private final DuckDbDialect dialect = new DuckDbDialect();

  private CatalogLocation newCatalog() throws SQLException {
    CatalogLocation location =
        new CatalogLocation(CatalogKind.DUCKDB, temp.resolve("c.ducklake").toString());
    try (Connection c = dialect.connectNew(location);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ducklake_metadata(\"key\" VARCHAR, value VARCHAR)");
    }
    return location;
  }

  @Test
  void connectionsCannotReadFilesLoadExtensionsOrUnlockTheirSettings() throws Exception {
    Path secret = Files.writeString(temp.resolve("secret.txt"), "TOPSECRET-7731");
    CatalogLocation location = newCatalog();
    for (boolean readOnly : new boolean[] {true, false}) {
      try (Connection c = dialect.connect(location, readOnly)) {
        for (String sql :
            new String[] {
              "SELECT content FROM read_text('" + secret + "')",
              "COPY (SELECT 1) TO '" + temp.resolve("out.csv") + "'",
              "SET enable_external_access = true",
              "SET GLOBAL lock_configuration = false",
              "LOAD httpfs",
              "ATTACH '" + temp.resolve("other.duckdb") + "' AS other"
            }) {
          try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageNotContaining("TOPSECRET");
          }
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT current_setting('TimeZone')")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("UTC");
        }
      }
    }
    assertThat(temp.resolve("out.csv")).doesNotExist();
    assertThat(temp.resolve("other.duckdb")).doesNotExist();
  }

  @Test
  void writingTheCatalogStillWorks() throws Exception {
    CatalogLocation location = newCatalog();
    try (Connection c = dialect.connect(location, false);
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO ducklake_metadata VALUES ('version', '1.0')");
      s.execute("CHECKPOINT");
    }
    try (Connection c = dialect.connect(location, true);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM ducklake_metadata")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("1.0");
    }
  }

  @Test
  void aPathWithSettingsIsRefused() {
    CatalogLocation location =
        new CatalogLocation(CatalogKind.DUCKDB, temp + "/c.ducklake;enable_external_access=true");
    assertThatThrownBy(() -> dialect.connect(location, true))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("contains ';'");
  }
}
