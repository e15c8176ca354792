package io.quacklake.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Catalog locations for behaviour tests, one per catalog kind: files in a temporary directory, or a
 * throwaway database on the local PostgreSQL server (127.0.0.1:5432, trust auth), which is started
 * if it is down. Without a server, tests fail when {@code CI=true} and are skipped loudly
 * otherwise.
 */
public final class TestCatalogs {
  private TestCatalogs() {}

  /** A new, not yet created catalog location of {@code kind} (sqlite, duckdb, postgres). */
  public static String location(String kind, Path temp) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "sqlite" -> "sqlite:" + temp.resolve("catalog-" + UUID.randomUUID() + ".sqlite");
      case "duckdb" -> "duckdb:" + temp.resolve("catalog-" + UUID.randomUUID() + ".ducklake");
      case "postgres" -> "postgres:dbname=" + postgresDatabase() + " host=127.0.0.1 user=postgres";
      default -> throw new IllegalArgumentException("unknown catalog kind " + kind);
    };
  }

  private static final java.util.List<String> CREATED =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestCatalogs::dropDatabases));
  }

  private static String postgresDatabase() {
    String name =
        "quacklake_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = postgresAdmin();
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      CREATED.add(name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create PostgreSQL database " + name, e);
    }
  }

  private static void dropDatabases() {
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=5");
        Statement s = admin.createStatement()) {
      for (String name : CREATED) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException ignored) {
      // throwaway databases left behind are harmless
    }
  }

  private static Connection postgresAdmin() throws SQLException {
    String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=5";
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException first) {
      startPostgres();
      try {
        return DriverManager.getConnection(url);
      } catch (SQLException second) {
        unavailable("PostgreSQL on 127.0.0.1:5432 is not reachable: " + second.getMessage());
        throw second;
      }
    }
  }

  private static void startPostgres() {
    try {
      Process p =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
              .redirectErrorStream(true)
              .start();
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // reported by the second connection attempt
    }
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(why + " (CI=true: a missing server fails the suite)");
    }
    System.err.println("SKIPPED (no server): " + why);
    Assumptions.abort(why);
  }
}
