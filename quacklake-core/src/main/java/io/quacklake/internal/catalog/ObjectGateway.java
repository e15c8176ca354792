package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Reads schemas, tables, views and columns visible at a snapshot. */
public final class ObjectGateway {
  private final CatalogConnection catalog;

  public ObjectGateway(CatalogConnection catalog) {
    this.catalog = catalog;
  }

  /**
   * The schemas visible at {@code snapshot}.
   *
   * @throws QuacklakeException UNSUPPORTED when a 1.1 lake has a nested schema there (its name
   *     alone does not say where it lives)
   */
  public List<SchemaRecord> schemas(long snapshot) {
    boolean nestable = catalog.hasReleasedV11Layout();
    String sql =
        "SELECT schema_id, schema_uuid, begin_snapshot, schema_name, path, path_is_relative"
            + (nestable ? ", parent_schema_id" : "")
            + " FROM ducklake_schema WHERE "
            + Visibility.at("")
            + " ORDER BY schema_name";
    return catalog.read(
        "schemas",
        c ->
            Sql.query(
                c,
                sql,
                rs -> {
                  if (nestable && rs.getObject(7) != null) {
                    throw QuacklakeException.unsupported(
                        "schema %s of catalog %s is nested in schema %d (DuckLake 1.1 nested"
                            + " schemas); Quacklake reads only top-level schemas",
                        rs.getString(4), catalog.location(), rs.getLong(7));
                  }
                  return new SchemaRecord(
                      rs.getLong(1),
                      uuid(rs.getString(2)),
                      rs.getLong(3),
                      rs.getString(4),
                      rs.getString(5),
                      relative(rs, 6));
                },
                snapshot,
                snapshot));
  }

  public List<TableRecord> tables(long snapshot) {
    String sql =
        "SELECT t.table_id, t.table_uuid, t.begin_snapshot, t.schema_id, s.schema_name,"
            + " t.table_name, t.path, t.path_is_relative FROM ducklake_table t"
            + " JOIN ducklake_schema s ON s.schema_id = t.schema_id AND "
            + Visibility.at("s")
            + " WHERE "
            + Visibility.at("t")
            + " ORDER BY s.schema_name, t.table_name";
    return catalog.read(
        "tables",
        c ->
            Sql.query(
                c,
                sql,
                rs ->
                    new TableRecord(
                        rs.getLong(1),
                        uuid(rs.getString(2)),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        relative(rs, 8)),
                snapshot,
                snapshot,
                snapshot,
                snapshot));
  }

  public List<ViewRecord> views(long snapshot) {
    String sql =
        "SELECT v.view_id, s.schema_name, v.view_name, v.dialect, v.\"sql\", v.column_aliases"
            + " FROM ducklake_view v JOIN ducklake_schema s ON s.schema_id = v.schema_id AND "
            + Visibility.at("s")
            + " WHERE "
            + Visibility.at("v")
            + " ORDER BY s.schema_name, v.view_name";
    return catalog.read(
        "views",
        c ->
            Sql.query(
                c,
                sql,
                rs ->
                    new ViewRecord(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                snapshot,
                snapshot,
                snapshot,
                snapshot));
  }

  /** The column rows of a table visible at a snapshot, parents before children. */
  public List<ColumnRecord> columns(long tableId, long snapshot) {
    return catalog.read("columns of table " + tableId, c -> columns(c, tableId, snapshot));
  }

  public static List<ColumnRecord> columns(CatalogSession c, long tableId, long snapshot) {
    String sql =
        "SELECT column_id, begin_snapshot, column_order, column_name, column_type,"
            + " initial_default, default_value, nulls_allowed, parent_column"
            + " FROM ducklake_column WHERE table_id = ? AND "
            + Visibility.at("")
            + " ORDER BY column_id";
    return Sql.query(
        c,
        sql,
        rs ->
            new ColumnRecord(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBoolean(8),
                NullableColumns.getLong(rs, 9)),
        tableId,
        snapshot,
        snapshot);
  }

  /** The id of the live schema with this name, or null when there is none. */
  public static Long liveSchemaId(CatalogSession c, String name) {
    return Sql.one(
        c,
        "SELECT schema_id FROM ducklake_schema WHERE schema_name = ? AND end_snapshot IS NULL",
        rs -> rs.getLong(1),
        name);
  }

  private static boolean relative(ResultSet rs, int column) throws SQLException {
    Boolean b = NullableColumns.getBoolean(rs, column);
    return b == null || b;
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }
}
