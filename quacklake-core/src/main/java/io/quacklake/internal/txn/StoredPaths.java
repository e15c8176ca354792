package io.quacklake.internal.txn;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;

/**
 * How a schema's or table's directory is stored, by DuckDB's rule: relative to its parent's
 * directory when it starts with it (plain string prefix), absolute otherwise.
 *
 * @param path the stored path, ending in {@code /}
 * @param relative whether it is relative to the parent
 * @param directory the directory itself
 */
public record StoredPaths(String path, boolean relative, Location directory) {
  /**
   * The stored form of {@code requested} (an absolute directory) under {@code parent}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a path of another storage than the parent's
   *     (the lake's store writes one kind), or a relative one
   */
  public static StoredPaths of(Location parent, String requested, String what) {
    String value = requested.trim();
    if (value.isEmpty()) {
      throw QuacklakeException.invalid("the data path of %s is empty", what);
    }
    Location dir = Location.directory(value);
    if (!java.util.Objects.equals(dir.scheme(), parent.scheme())) {
      throw QuacklakeException.invalid(
          "the data path %s of %s is on %s but the lake's data is on %s; use a path of the"
              + " same storage",
          value, what, kind(dir), kind(parent));
    }
    if (dir.scheme() == null
        && !dir.value().startsWith("/")
        && !dir.value().matches("[A-Za-z]:/.*")) {
      throw QuacklakeException.invalid(
          "the data path %s of %s is relative; give an absolute path", value, what);
    }
    String p = parent.value();
    String rest = dir.value().substring(Math.min(p.length(), dir.value().length()));
    if (dir.value().startsWith(p) && !rest.isEmpty() && Location.staysInside(rest)) {
      return new StoredPaths(rest, true, dir);
    }
    return new StoredPaths(dir.value(), false, dir);
  }

  private static String kind(Location l) {
    return (l.scheme() == null ? "local" : "'" + l.scheme() + "'") + " storage";
  }
}
