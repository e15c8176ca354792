package io.quacklake.internal.catalog;

import io.quacklake.storage.Location;
import java.util.UUID;

/** A schema visible at a snapshot ({@code ducklake_schema}). */
public record SchemaRecord(
    long schemaId,
    UUID uuid,
    long beginSnapshot,
    String name,
    String path,
    boolean pathIsRelative) {

  /**
   * The schema's directory: a relative path hangs off the data path, no path is the data path.
   *
   * @throws io.quacklake.exceptions.QuacklakeException CORRUPT when a relative path leaves {@code
   *     dataRoot}
   */
  public Location directory(Location dataRoot) {
    return RowPaths.directory(
        dataRoot,
        path,
        pathIsRelative,
        () -> "ducklake_schema row schema_id=" + schemaId + " (schema " + name + ")");
  }
}
