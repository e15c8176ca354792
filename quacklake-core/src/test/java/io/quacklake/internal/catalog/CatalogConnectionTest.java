package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogConnectionTest {
  @TempDir Path dir;

  private Path sqlite(String... statements) throws Exception {
    Path file = dir.resolve("catalog.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    return file;
  }

  @Test
  void missingCatalogIsNotFound() {
    assertThatThrownBy(
            () ->
                CatalogConnection.open(
                    new CatalogLocation(CatalogKind.SQLITE, dir + "/none.sqlite")))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void databaseWithoutDuckLakeTablesIsRejected() throws Exception {
    Path file = sqlite("CREATE TABLE other(x INTEGER)");
    assertThatThrownBy(
            () -> CatalogConnection.open(new CatalogLocation(CatalogKind.SQLITE, file.toString())))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("not a DuckLake catalog")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void unsupportedVersionNamesFoundAndSupportedVersions() throws Exception {
    Path file =
        sqlite(
            "CREATE TABLE ducklake_metadata(key VARCHAR, value VARCHAR, scope VARCHAR, scope_id BIGINT)",
            "INSERT INTO ducklake_metadata VALUES ('version', '0.3', NULL, NULL)");
    assertThatThrownBy(
            () -> CatalogConnection.open(new CatalogLocation(CatalogKind.SQLITE, file.toString())))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("'0.3'")
        .hasMessageContaining("1.0, 1.1-dev1 and 1.1")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNSUPPORTED));
  }

  @Test
  void readsVersionsOneOneAndScopedMetadata() throws Exception {
    Path file =
        sqlite(
            "CREATE TABLE ducklake_metadata(key VARCHAR, value VARCHAR, scope VARCHAR, scope_id BIGINT)",
            "INSERT INTO ducklake_metadata VALUES ('version', '1.1', NULL, NULL)",
            "INSERT INTO ducklake_metadata VALUES ('data_path', 'd/', NULL, NULL)",
            "INSERT INTO ducklake_metadata VALUES ('data_path', 'other/', 'table', 1)");
    try (CatalogConnection r =
        CatalogConnection.open(new CatalogLocation(CatalogKind.SQLITE, file.toString()))) {
      assertThat(r.version()).isEqualTo(SpecVersion.V1_1);
      assertThat(r.version().prefixedInlinedColumns()).isTrue();
      assertThat(r.metadata("data_path")).isEqualTo("d/");
    }
  }
}
