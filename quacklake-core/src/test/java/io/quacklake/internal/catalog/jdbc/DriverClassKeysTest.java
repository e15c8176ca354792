package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DriverClassKeysTest {
  /** pgjdbc's spelling of each refused key (the sets hold them in lower case). */
  private static final List<String> PGJDBC_NAMES =
      List.of(
          "socketFactory",
          "socketFactoryArg",
          "sslfactory",
          "sslfactoryarg",
          "sslhostnameverifier",
          "sslpasswordcallback",
          "authenticationPluginClassName",
          "connectExecutor",
          "connectExecutorArg",
          "xmlFactoryFactory",
          "classLoaderStrategy",
          "loggerFile");

  /** Every refused key in every way a location can carry it. */
  static Stream<Arguments> refusedLocations() {
    List<Arguments> out = new ArrayList<>();
    for (String key : PGJDBC_NAMES) {
      out.add(Arguments.of(CatalogKind.POSTGRES, "dbname=lake " + key + "=org.evil.X", key));
      out.add(Arguments.of(CatalogKind.POSTGRES, "jdbc:postgresql://h/db?" + key + "=x", key));
      out.add(
          Arguments.of(
              CatalogKind.POSTGRES,
              "jdbc:postgresql://h/db?user=u&" + key.toUpperCase(Locale.ROOT) + " = x",
              key.toUpperCase(Locale.ROOT)));
    }
    out.add(
        Arguments.of(
            CatalogKind.POSTGRES, "jdbc:postgresql://h/db?socket%46actory=x", "socketFactory"));
    for (String key : DriverClassKeys.MYSQL) {
      out.add(Arguments.of(CatalogKind.MYSQL, "host=h " + key + "=x", key));
      out.add(Arguments.of(CatalogKind.MYSQL, "jdbc:mariadb://h/db?a=1&" + key + "=x", key));
      out.add(Arguments.of(CatalogKind.MYSQL, "jdbc:mysql://h/db;" + key + "=x", key));
    }
    out.add(
        Arguments.of(
            CatalogKind.MYSQL,
            "jdbc:mariadb://address=(host=h)(socketFactory=x)/db",
            "socketFactory"));
    return out.stream();
  }

  @Test
  void theSetsNameEveryPgjdbcClassKey() {
    assertThat(DriverClassKeys.POSTGRES)
        .containsExactlyInAnyOrderElementsOf(
            PGJDBC_NAMES.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
  }

  @ParameterizedTest
  @MethodSource("refusedLocations")
  void locationsSettingDriverClassKeysAreRefusedBeforeConnecting(
      CatalogKind kind, String target, String key) {
    CatalogLocation location = new CatalogLocation(kind, target + " password=hunter2");
    SqlDialect dialect = SqlDialect.of(kind);
    assertThatThrownBy(() -> dialect.connect(location, true))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .satisfies(
            e ->
                assertThat(e.getMessage().toLowerCase(Locale.ROOT))
                    .contains("sets '" + key.toLowerCase(Locale.ROOT) + "'"))
        .hasMessageContaining("--allow-driver-classes")
        .hasMessageNotContaining("hunter2");
    assertThatCode(
            () ->
                DriverClassKeys.check(
                    location.withDriverClassKeys(true),
                    kind == CatalogKind.POSTGRES
                        ? DriverClassKeys.POSTGRES
                        : DriverClassKeys.MYSQL))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dbname=lake host=h user=u password=p sslmode=require sslrootcert=/x connect_timeout=3",
        "jdbc:postgresql://h/db?user=u&password=p&ApplicationName=socketFactory&sslmode=verify-full",
        "dbname=lake options='-c search_path=x'"
      })
  void ordinaryKeysPass(String target) {
    assertThatCode(
            () ->
                DriverClassKeys.check(
                    new CatalogLocation(CatalogKind.POSTGRES, target), DriverClassKeys.POSTGRES))
        .doesNotThrowAnyException();
  }

  @Test
  void lakeOptionsAndMetadataSchemaCarryThePermission() {
    CatalogLocation allowed =
        CatalogLocation.parse("postgres:dbname=l sslfactory=x").withDriverClassKeys(true);
    assertThat(allowed.withMetadataSchema("m").driverClassKeys()).isTrue();
    assertThat(CatalogLocation.parse("postgres:dbname=l").driverClassKeys()).isFalse();
  }
}
