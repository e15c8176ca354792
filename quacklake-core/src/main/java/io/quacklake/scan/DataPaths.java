package io.quacklake.scan;

import io.quacklake.catalog.SchemaRecord;
import io.quacklake.catalog.TableRecord;
import io.quacklake.storage.Location;
import java.nio.file.Path;

/**
 * Resolves DuckLake's path chain: file paths relative to the table path, relative to the schema
 * path, relative to the data path (each only when marked relative). A relative local data path
 * resolves against the working directory, as DuckDB does.
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

  public Location schemaDir(SchemaRecord schema) {
    return dir(root, schema.path(), schema.pathIsRelative());
  }

  public Location tableDir(SchemaRecord schema, TableRecord table) {
    return dir(schemaDir(schema), table.path(), table.pathIsRelative());
  }

  public static Location file(Location tableDir, String path, boolean relative) {
    return relative ? tableDir.resolve(path) : Location.of(path);
  }

  private static Location dir(Location parent, String path, boolean relative) {
    if (path == null || path.isEmpty()) {
      return parent;
    }
    return relative ? Location.directory(parent.value() + path) : Location.directory(path);
  }
}
