package io.quacklake.internal.catalog;

/** Writes {@code ducklake_metadata} options as DuckDB's {@code set_option} does (no snapshot). */
public final class MetadataWrites {
  private MetadataWrites() {}

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
