package io.quacklake.internal.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs parameterised catalog statements on a {@link CatalogSession}, binding Java values (null as
 * SQL NULL) and mapping rows to records. A failing statement throws {@link CatalogSqlFailure},
 * which {@link CatalogConnection} translates when the read or write ends.
 */
final class Sql {
  private Sql() {}

  /** Maps the current row of a result set to a value. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Consumes the current row of a result set. */
  @FunctionalInterface
  interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Every row of the query, mapped in result order. */
  static <T> List<T> query(CatalogSession s, String sql, RowMapper<T> mapper, Object... args) {
    List<T> out = new ArrayList<>();
    each(s, sql, rs -> out.add(mapper.map(rs)), args);
    return out;
  }

  /** Hands every row of the query, in result order, to {@code action}. */
  static void each(CatalogSession s, String sql, RowConsumer action, Object... args) {
    try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new CatalogSqlFailure(e);
    }
  }

  /** The first row of the query mapped, or null when there is none. */
  static <T> T one(CatalogSession s, String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? mapper.map(rs) : null;
      }
    } catch (SQLException e) {
      throw new CatalogSqlFailure(e);
    }
  }

  /** Runs one insert, update or delete; returns the number of rows it changed. */
  static int update(CatalogSession s, String sql, Object... args) {
    try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new CatalogSqlFailure(e);
    }
  }

  /** Runs one statement once per parameter row, as a JDBC batch. */
  static void batch(CatalogSession s, String sql, List<Object[]> rows) {
    try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
      for (Object[] row : rows) {
        bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new CatalogSqlFailure(e);
    }
  }

  /** Runs a statement without parameters (DDL). */
  static void execute(CatalogSession s, String sql) {
    try (Statement st = s.connection().createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new CatalogSqlFailure(e);
    }
  }

  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(i + 1, b);
      } else if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setLong(i + 1, n);
      } else if (a instanceof byte[] bytes) {
        ps.setBytes(i + 1, bytes);
      } else {
        ps.setString(i + 1, a.toString());
      }
    }
  }
}
