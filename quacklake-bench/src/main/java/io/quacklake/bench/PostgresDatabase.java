package io.quacklake.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A benchmark database on the local PostgreSQL server (127.0.0.1:5432, user postgres), dropped and
 * created anew for each run.
 *
 * @param catalog the Quacklake catalog location
 * @param jdbcUrl a plain JDBC URL for direct catalog access
 */
record PostgresDatabase(String catalog, String jdbcUrl) {

  /**
   * Drops and creates database {@code name}; empty, after a loud line on stderr naming {@code what}
   * as skipped, when the server cannot be reached.
   */
  static Optional<PostgresDatabase> recreate(String name, String what) {
    try (Connection admin =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      System.err.println(
          "!!! SKIPPED: " + what + " on PostgreSQL (127.0.0.1:5432): " + e.getMessage());
      return Optional.empty();
    }
    return Optional.of(
        new PostgresDatabase(
            "postgres:dbname=" + name + " host=127.0.0.1 user=postgres",
            "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres"));
  }
}
