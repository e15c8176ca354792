package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import org.junit.jupiter.api.Test;

class OptionalLibraryTest {
  @Test
  void missingLibraryIsOneUnsupportedLineNamingTheArtifact() {
    OptionalLibrary missing =
        new OptionalLibrary(
            "the Example driver", "org.example:example-jdbc", "org.example.NoDriver");
    CatalogLocation location = CatalogLocation.parse("postgres:dbname=lake password=hunter22");

    QuacklakeException e =
        catchThrowableOfType(QuacklakeException.class, () -> missing.require(location));

    assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(e.getMessage())
        .isEqualTo(
            "catalog postgres:dbname=lake password=*** needs the Example driver, which is not on"
                + " the class path: add the jar of Maven artifact org.example:example-jdbc")
        .doesNotContain("\n");
    assertThat(e.getCause()).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void everyDialectNamesTheLibrariesItNeeds() {
    assertThat(SqlDialect.of(CatalogKind.POSTGRES).libraries())
        .containsExactly(OptionalLibrary.POSTGRES_DRIVER, OptionalLibrary.CONNECTION_POOL);
    assertThat(SqlDialect.of(CatalogKind.MYSQL).libraries())
        .containsExactly(OptionalLibrary.MARIADB_DRIVER, OptionalLibrary.CONNECTION_POOL);
    assertThat(SqlDialect.of(CatalogKind.DUCKDB).libraries())
        .containsExactly(OptionalLibrary.DUCKDB_DRIVER);
    assertThat(SqlDialect.of(CatalogKind.SQLITE).libraries()).isEmpty();
    assertThat(SqlDialect.of(CatalogKind.OBJECT_STORE).libraries()).isEmpty();
  }

  @Test
  void librariesOnTheClassPathPass() {
    CatalogLocation location = CatalogLocation.parse("postgres:dbname=lake");
    for (OptionalLibrary library :
        new OptionalLibrary[] {
          OptionalLibrary.POSTGRES_DRIVER,
          OptionalLibrary.MARIADB_DRIVER,
          OptionalLibrary.CONNECTION_POOL,
          OptionalLibrary.DUCKDB_DRIVER
        }) {
      assertThatCode(() -> library.require(location)).doesNotThrowAnyException();
    }
  }
}
