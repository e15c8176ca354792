package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL locations resolved as libpq resolves them — URIs, services, {@code PG*} variables,
 * password files — through the connection URL and properties, with files and variables injected.
 */
class PostgresSettingsTest {
  @TempDir Path temp;

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", temp.resolve("home").toString());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void uris() {
    String uri = "postgresql://ql:p%40ss@db.example:6543/lake?sslmode=require";
    Map<String, String> env = env();
    assertThat(PostgresConnInfo.url(uri, env)).isEqualTo("jdbc:postgresql://db.example:6543/lake");
    Properties p = PostgresConnInfo.properties(uri, env);
    assertThat(p.getProperty("user")).isEqualTo("ql");
    assertThat(p.getProperty("password")).isEqualTo("p@ss");
    assertThat(p.getProperty("sslmode")).isEqualTo("require");
    assertThat(PostgresConnInfo.url("postgres://127.0.0.1/x", env))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
    assertThat(DriverClassKeys.keysOf(uri)).contains("sslmode");
  }

  @Test
  void servicesVariablesAndSpacesAroundEquals() throws Exception {
    Path services = temp.resolve("services.conf");
    Files.writeString(
        services,
        "# ours\n[dev]\nhost=devhost\n\n[prod]\nhost = db.internal\nport=7000\ndbname=warehouse\n"
            + "user=svc\n");
    Map<String, String> env = env("PGSERVICEFILE", services.toString(), "PGUSER", "envuser");
    assertThat(PostgresConnInfo.url("service=prod", env))
        .isEqualTo("jdbc:postgresql://db.internal:7000/warehouse");
    assertThat(PostgresConnInfo.properties("service=prod", env).getProperty("user"))
        .isEqualTo("svc");
    assertThat(PostgresConnInfo.url("service = prod dbname = other", env))
        .as("the string's own settings win over the service's")
        .isEqualTo("jdbc:postgresql://db.internal:7000/other");
    assertThat(PostgresConnInfo.properties("service=dev", env).getProperty("user"))
        .as("variables fill what the service leaves out")
        .isEqualTo("envuser");
    assertThat(PostgresConnInfo.url("dbname=x", env("PGHOST", "envhost", "PGPORT", "6000")))
        .isEqualTo("jdbc:postgresql://envhost:6000/x");
    assertThat(PostgresConnInfo.url("host = spaced dbname = y", env()))
        .isEqualTo("jdbc:postgresql://spaced:5432/y");
    Files.createDirectories(temp.resolve("home"));
    Files.writeString(temp.resolve("home/.pg_service.conf"), "[home]\nhost=fromhome\n");
    assertThat(PostgresConnInfo.url("service=home dbname=z", env()))
        .isEqualTo("jdbc:postgresql://fromhome:5432/z");
    assertThatThrownBy(() -> PostgresConnInfo.url("service=nope", env))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("service 'nope' is not defined");
  }

  @Test
  void passwordsComeFromThePasswordFileWhenNotGiven() throws Exception {
    Path pgpass = temp.resolve("pgpass");
    Files.writeString(
        pgpass, "other:*:*:*:wrong\ndb.example:6543:lake:ql:from\\:file\n*:*:*:fallback:any\n");
    Files.setPosixFilePermissions(
        pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Map<String, String> env = env("PGPASSFILE", pgpass.toString());
    String info = "host=db.example port=6543 dbname=lake user=ql";
    assertThat(PostgresConnInfo.properties(info, env).getProperty("password"))
        .as("a password file others can read is ignored, as libpq does")
        .isNull();
    Files.setPosixFilePermissions(
        pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(PostgresConnInfo.properties(info, env).getProperty("password"))
        .isEqualTo("from:file");
    assertThat(PostgresConnInfo.properties(info + " password=given", env).getProperty("password"))
        .isEqualTo("given");
    Map<String, String> withVariable = env("PGPASSFILE", pgpass.toString(), "PGPASSWORD", "var");
    assertThat(PostgresConnInfo.properties(info, withVariable).getProperty("password"))
        .isEqualTo("var");
    assertThat(
            PostgresConnInfo.properties("host=h dbname=d user=fallback", env)
                .getProperty("password"))
        .isEqualTo("any");
    assertThat(
            PostgresConnInfo.properties("host=h dbname=d user=nobody", env).getProperty("password"))
        .isNull();
    Files.createDirectories(temp.resolve("home"));
    Files.writeString(temp.resolve("home/.pgpass"), "*:*:*:homeuser:homepass\n");
    Files.setPosixFilePermissions(
        temp.resolve("home/.pgpass"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(PostgresConnInfo.properties("user=homeuser dbname=d", env()).getProperty("password"))
        .isEqualTo("homepass");
  }

  @Test
  void aDirectoryHostConnectsThroughItsUnixSocket() {
    String location = "host=/var/run/postgresql port=5433 dbname=x user=u";
    assertThat(PostgresConnInfo.url(location, env()))
        .isEqualTo("jdbc:postgresql://localhost:5433/x");
    java.util.Properties p = PostgresConnInfo.properties(location, env());
    assertThat(p.getProperty("socketFactory")).isEqualTo(UnixSocket.FACTORY);
    assertThat(p.getProperty("socketFactoryArg")).isEqualTo("/var/run/postgresql/.s.PGSQL.5433");
    assertThat(p.getProperty("sslmode")).isEqualTo("disable");
    assertThat(
            PostgresConnInfo.properties("postgresql:///x?host=/tmp/pg/&sslmode=require", env())
                .getProperty("socketFactoryArg"))
        .isEqualTo("/tmp/pg/.s.PGSQL.5432");
    assertThat(
            PostgresConnInfo.properties("postgresql:///x?host=/tmp/pg/&sslmode=require", env())
                .getProperty("sslmode"))
        .isEqualTo("require");
  }
}
