package io.quacklake.storage;

import io.quacklake.QuacklakeException;

/** The store that serves a location: local paths and {@code file://} are the local disk. */
public final class ObjectStores {
  private ObjectStores() {}

  /**
   * @throws QuacklakeException UNSUPPORTED for a scheme no store on the class path handles
   */
  public static ObjectStore forLocation(Location location) {
    String scheme = location.scheme();
    if (scheme == null || scheme.equals("file")) {
      return new LocalObjectStore();
    }
    throw QuacklakeException.unsupported(
        "no store for %s:// locations (%s); local paths and file:// are supported",
        scheme, location);
  }
}
