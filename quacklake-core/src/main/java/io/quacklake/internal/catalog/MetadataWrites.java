package io.quacklake.internal.catalog;

/** Writes {@code ducklake_metadata} options as DuckDB's {@code set_option} does (no snapshot). */
public final class MetadataWrites {
  private MetadataWrites() {}

  /**
   * Sets an option of a schema ({@code scope = "schema"}) or table ({@code "table"}) with the
   * object's id, as DuckDB's {@code set_option(..., schema => , table_name => )} does.
   */
  public static void setScoped(
      CatalogSession c, String key, String value, String scope, long scopeId) {
    int updated =
        Sql.update(
            c,
            "UPDATE ducklake_metadata SET value = ? WHERE \"key\" = ? AND scope = ? AND scope_id = ?",
            value,
            key,
            scope,
            scopeId);
    if (updated == 0) {
      Sql.update(
          c, "INSERT INTO ducklake_metadata VALUES (?, ?, ?, ?)", key, value, scope, scopeId);
    }
  }

  /** Sets a global option: updates the existing row or inserts one. */
  public static void setGlobal(CatalogSession c, String key, String value) {
    int updated =
        Sql.update(
            c,
            "UPDATE ducklake_metadata SET value = ? WHERE \"key\" = ? AND scope IS NULL",
            value,
            key);
    if (updated == 0) {
      Sql.update(c, "INSERT INTO ducklake_metadata VALUES (?, ?, NULL, NULL)", key, value);
    }
  }
}
