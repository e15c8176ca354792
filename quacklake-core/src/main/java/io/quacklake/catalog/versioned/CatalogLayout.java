package io.quacklake.catalog.versioned;

import io.quacklake.storage.Location;

/**
 * Where an object-store catalog keeps things under its root: {@code catalog/versions/<N>.manifest}
 * (N zero-padded to 20 digits, so names sort by version), {@code catalog/blocks/<sha256>}, the
 * advisory {@code catalog/latest} hint, scratch keys of the conditional-write probe, and {@code
 * data/} for the lake's files.
 *
 * @param root the lake's root directory location
 */
public record CatalogLayout(Location root) {
  public CatalogLayout {
    if (!root.isDirectory()) {
      throw new IllegalArgumentException("root must be a directory location: " + root);
    }
  }

  public Location versions() {
    return root.resolve("catalog/versions/");
  }

  public Location manifest(long version) {
    return versions().resolve(String.format("%020d.manifest", version));
  }

  /** The version a manifest location holds, or -1 if it is not a manifest name. */
  long versionOf(Location manifest) {
    String v = manifest.value();
    String name = v.substring(v.lastIndexOf('/') + 1);
    if (!name.matches("\\d{20}\\.manifest")) {
      return -1;
    }
    return Long.parseLong(name.substring(0, 20));
  }

  public Location blocks() {
    return root.resolve("catalog/blocks/");
  }

  public Location block(String sha256) {
    return blocks().resolve(sha256);
  }

  public Location hint() {
    return root.resolve("catalog/latest");
  }

  public Location probes() {
    return root.resolve("catalog/probe/");
  }

  /** The default data path of a lake whose catalog lives here. */
  public Location data() {
    return root.resolve("data/");
  }
}
