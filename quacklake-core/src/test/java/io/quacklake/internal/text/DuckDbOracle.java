package io.quacklake.internal.text;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** An in-memory DuckDB (session time zone UTC) answering how it renders SQL expressions. */
final class DuckDbOracle implements AutoCloseable {
  private final Connection connection;

  DuckDbOracle() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET TimeZone='UTC'");
    }
  }

  /** {@code CAST(expr AS VARCHAR)}, or null for NULL. */
  String cast(String expr) throws SQLException {
    return single("SELECT CAST(" + expr + " AS VARCHAR)");
  }

  /** {@code to_json(expr)}, or null for NULL. */
  String toJson(String expr) throws SQLException {
    return single("SELECT CAST(to_json(" + expr + ") AS VARCHAR)");
  }

  /** Each expression's {@code CAST(expr AS VARCHAR)} in one query. */
  List<String> castAll(List<String> exprs) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < exprs.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("CAST(").append(exprs.get(i)).append(" AS VARCHAR)");
    }
    return row(sql.toString());
  }

  List<String> row(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      int n = rs.getMetaData().getColumnCount();
      List<String> out = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        out.add(rs.getString(i));
      }
      return out;
    }
  }

  List<List<String>> rows(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private String single(String sql) throws SQLException {
    return row(sql).get(0);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
