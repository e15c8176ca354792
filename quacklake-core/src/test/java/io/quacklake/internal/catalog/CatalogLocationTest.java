package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogLocationTest {
  @ParameterizedTest
  @CsvSource({
    "sqlite:lake/cat.sqlite, SQLITE, lake/cat.sqlite",
    "ducklake:sqlite:cat.db, SQLITE, cat.db",
    "jdbc:sqlite:/tmp/x.db, SQLITE, /tmp/x.db",
    "duckdb:meta.ducklake, DUCKDB, meta.ducklake",
    "ducklake:duckdb:a.duckdb, DUCKDB, a.duckdb",
    "lake.sqlite3, SQLITE, lake.sqlite3",
    "lake.db, SQLITE, lake.db",
    "metadata.ducklake, DUCKDB, metadata.ducklake",
    "x/y.duckdb, DUCKDB, x/y.duckdb",
    "postgres:dbname=lake host=127.0.0.1 user=postgres, POSTGRES, dbname=lake host=127.0.0.1 user=postgres",
    "ducklake:postgres:dbname=lake, POSTGRES, dbname=lake",
    "jdbc:postgresql://db:5432/lake, POSTGRES, jdbc:postgresql://db:5432/lake",
    "mysql:host=127.0.0.1 user=root database=lake, MYSQL, host=127.0.0.1 user=root database=lake",
    "jdbc:mariadb://db/lake, MYSQL, jdbc:mariadb://db/lake",
    "jdbc:mysql://db/lake, MYSQL, jdbc:mysql://db/lake"
  })
  void parsesTheContractForms(String text, CatalogKind kind, String target) {
    assertThat(CatalogLocation.parse(text)).isEqualTo(new CatalogLocation(kind, target));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lake.txt", "lake", "  "})
  void unknownFormsAreInvalidAndListTheForms(String text) {
    assertThatThrownBy(() -> CatalogLocation.parse(text))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("sqlite:PATH")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dbname=lake password='it\\'s secret'",
        "host=h password=secret",
        "jdbc:oracle:thin:u/x@h?password=secret",
        "ftp://u:secret@h/lake"
      })
  void unknownFormsAreEchoedWithoutTheirSecrets(String text) {
    assertThatThrownBy(() -> CatalogLocation.parse(text))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageStartingWith("cannot tell the catalog kind of '")
        .hasMessageContaining("***")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aConnectionStringWithoutPrefixGetsAHint() {
    assertThatThrownBy(() -> CatalogLocation.parse("dbname=lake host=h"))
        .hasMessageContaining("needs its postgres: or mysql: prefix");
  }

  @Test
  void toStringNeverShowsAPassword() {
    assertThat(CatalogLocation.parse("jdbc:postgresql://u:pw12@h/db?password=pw34").toString())
        .isEqualTo("postgres:jdbc:postgresql://u:***@h/db?password=***");
    assertThat(CatalogLocation.parse("s3://KEY:SECRET@bucket/lake").toString())
        .doesNotContain("SECRET");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3://bucket/lake",
        "file:///tmp/lake",
        "ducklake:s3://bucket/lake/",
        "az://container/lake",
        "abfss://container@account.dfs.core.windows.net/lake",
        "gs://bucket/lake",
        "gcs://bucket/lake/"
      })
  void bucketsAndDirectoriesAreObjectStoreCatalogs(String text) {
    CatalogLocation location = CatalogLocation.parse(text);
    assertThat(location.kind()).isEqualTo(CatalogKind.OBJECT_STORE);
    assertThat(location.target()).endsWith("lake/").doesNotStartWith("ducklake:");
    assertThat(location.toString()).isEqualTo(location.target());
  }
}
