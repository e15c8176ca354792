package io.quacklake.internal.catalog;

import io.quacklake.storage.Location;
import java.util.UUID;

/** A table visible at a snapshot ({@code ducklake_table}) with its schema's name. */
public record TableRecord(
    long tableId,
    UUID uuid,
    long beginSnapshot,
    long schemaId,
    String schemaName,
    String name,
    String path,
    boolean pathIsRelative)
    implements java.io.Serializable {

  public String qualifiedName() {
    return schemaName + "." + name;
  }

  /**
   * The table's directory: a relative path hangs off the schema directory, no path is that
   * directory.
   *
   * @throws io.quacklake.exceptions.QuacklakeException CORRUPT when a relative path leaves {@code
   *     schemaDir}
   */
  public Location directory(Location schemaDir) {
    return RowPaths.directory(
        schemaDir,
        path,
        pathIsRelative,
        () -> "ducklake_table row table_id=" + tableId + " (table " + qualifiedName() + ")");
  }
}
