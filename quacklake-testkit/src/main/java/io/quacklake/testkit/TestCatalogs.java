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

  /**
   * Every catalog kind the lake-behaviour tests run on: SQLite, DuckDB file, PostgreSQL,
   * MySQL/MariaDB and the object-store catalog on local disk.
   */
  public static java.util.stream.Stream<String> all() {
    return java.util.stream.Stream.of("sqlite", "duckdb", "postgres", "mariadb", "objectstore");
  }

  /**
   * A new, not yet created catalog location of {@code kind} (sqlite, duckdb, postgres, mariadb,
   * objectstore).
   */
  public static String location(String kind, Path temp) {
    String location = newLocation(kind, temp);
    ISSUED.add(location);
    return location;
  }

  private static final java.util.List<String> ISSUED =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  /** How many locations {@link #location} has handed out in this JVM. */
  public static int issuedCount() {
    return ISSUED.size();
  }

  /** The locations handed out after the first {@code mark}, in order. */
  public static java.util.List<String> issuedSince(int mark) {
    synchronized (ISSUED) {
      return java.util.List.copyOf(ISSUED.subList(mark, ISSUED.size()));
    }
  }

  private static String newLocation(String kind, Path temp) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "objectstore" -> temp.resolve("lake-" + UUID.randomUUID()).toUri().toString();
      case "sqlite" -> "sqlite:" + temp.resolve("catalog-" + UUID.randomUUID() + ".sqlite");
      case "duckdb" -> "duckdb:" + temp.resolve("catalog-" + UUID.randomUUID() + ".ducklake");
      case "postgres" -> "postgres:dbname=" + postgresDatabase() + " host=127.0.0.1 user=postgres";
      case "mariadb" -> "mysql:host=127.0.0.1 port=3306 user=root database=" + mariadbDatabase();
      default -> throw new IllegalArgumentException("unknown catalog kind " + kind);
    };
  }

  /** A plain JDBC URL for a location made by {@link #location}, for direct catalog checks. */
  public static String jdbcUrl(String location) {
    if (location.startsWith("sqlite:")) {
      return "jdbc:sqlite:" + location.substring("sqlite:".length());
    }
    if (location.startsWith("duckdb:")) {
      return "jdbc:duckdb:" + location.substring("duckdb:".length());
    }
    String db = location.replaceAll(".*(?:dbname|database)=(\\S+).*", "$1");
    return location.startsWith("postgres:")
        ? "jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres"
        : "jdbc:mariadb://127.0.0.1:3306/" + db + "?user=root";
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

  private static final java.util.List<String> CREATED_MARIADB =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  private static String mariadbDatabase() {
    String name =
        "quacklake_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = mariadbAdmin();
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      CREATED_MARIADB.add(name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create MariaDB database " + name, e);
    }
  }

  private static Connection mariadbAdmin() throws SQLException {
    String url = "jdbc:mariadb://127.0.0.1:3306/?user=root&connectTimeout=5000";
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException first) {
      start("start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
      for (int i = 0; i < 30; i++) {
        try {
          return DriverManager.getConnection(url);
        } catch (SQLException again) {
          sleep();
        }
      }
      try {
        return DriverManager.getConnection(url);
      } catch (SQLException last) {
        unavailable("MariaDB on 127.0.0.1:3306 is not reachable: " + last.getMessage());
        throw last;
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void dropDatabases() {
    if (!CREATED_MARIADB.isEmpty()) {
      dropMariaDb();
    }
    if (!CREATED.isEmpty()) {
      dropPostgres();
    }
  }

  private static void dropMariaDb() {
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:3306/?user=root&connectTimeout=5000");
        Statement s = admin.createStatement()) {
      for (String name : CREATED_MARIADB) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
    } catch (SQLException ignored) {
      // throwaway databases left behind are harmless
    }
  }

  private static void dropPostgres() {
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
    start("pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
  }

  private static void start(String command) {
    try {
      Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // reported by the next connection attempt
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
