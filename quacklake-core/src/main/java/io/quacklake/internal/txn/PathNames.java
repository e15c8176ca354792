package io.quacklake.internal.txn;

import java.util.UUID;

/** Directory names DuckDB gives schemas and tables: the name when path-safe, else the uuid. */
final class PathNames {
  private PathNames() {}

  static String directory(String name, UUID uuid) {
    return (name.matches("[A-Za-z0-9_-]+") ? name : uuid.toString()) + "/";
  }
}
