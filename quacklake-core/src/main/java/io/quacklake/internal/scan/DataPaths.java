package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.storage.Location;
import java.nio.file.Path;

/**
 * Resolves DuckLake's path chain: file paths relative to the table path, relative to the schema
 * path, relative to the data path (each only when marked relative; see {@link
 * io.quacklake.internal.catalog.DataFileRecord#location}). A relative local data path resolves
 * against the working directory, as DuckDB does. A relative catalog path never leaves its parent
 * directory.
 */
public final class DataPaths {
  private final Location root;

  private DataPaths(Location root) {
    this.root = root;
  }

  /**
   * @param dataPath the override, or the stored {@code data_path}
   */
  public static DataPaths of(String dataPath) {
    Location l = Location.directory(dataPath);
    if (l.scheme() == null && !Path.of(l.value()).isAbsolute()) {
      l = Location.directory(Path.of(l.value()).toAbsolutePath().normalize().toString());
    }
    return new DataPaths(l);
  }

  public Location root() {
    return root;
  }

  /**
   * @throws io.quacklake.exceptions.QuacklakeException CORRUPT when the schema's relative path
   *     leaves the data path
   */
  public Location schemaDir(SchemaRecord schema) {
    return schema.directory(root);
  }

  /**
   * @throws io.quacklake.exceptions.QuacklakeException CORRUPT when a relative path of the schema
   *     or table leaves its parent directory
   */
  public Location tableDir(SchemaRecord schema, TableRecord table) {
    return table.directory(schemaDir(schema));
  }
}
