package io.quacklake.internal.catalog.versioned;

import io.quacklake.storage.Location;
import java.util.regex.Pattern;

/**
 * Where an object-store catalog keeps things under its root: {@code catalog/versions/<N>.manifest}
 * (N zero-padded to 20 digits, so names sort by version), {@code catalog/blocks/<sha256>}, the
 * advisory {@code catalog/latest} hint, scratch keys of the conditional-write probe, the markers of
 * running garbage collections ({@code catalog/gc/<id>}), the pins of commits in flight ({@code
 * catalog/pins/<id>}), and {@code data/} for the lake's files.
 *
 * <p>Names found in a listing or a manifest are Quacklake's only if they parse back to exactly the
 * location these methods build; nothing else under the root is ever read as a block or deleted.
 *
 * @param root the lake's root directory location
 */
public record CatalogLayout(Location root) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  public CatalogLayout {
    if (!root.isDirectory()) {
      throw new IllegalArgumentException("root must be a directory location: " + root);
    }
  }

  /** Whether {@code name} is a SHA-256 as Quacklake writes it: 64 lowercase hex digits. */
  static boolean isSha256(String name) {
    return name != null && SHA256.matcher(name).matches();
  }

  public Location versions() {
    return root.resolve("catalog/versions/");
  }

  public Location manifest(long version) {
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    return versions().resolve(String.format("%020d.manifest", version));
  }

  /** The version a manifest location holds, or -1 if it is not exactly a manifest's location. */
  long versionOf(Location manifest) {
    String name = lastSegment(manifest);
    if (!name.matches("\\d{20}\\.manifest")) {
      return -1;
    }
    long version;
    try {
      version = Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
    return version >= 1 && manifest(version).equals(manifest) ? version : -1;
  }

  public Location blocks() {
    return root.resolve("catalog/blocks/");
  }

  /**
   * @throws IllegalArgumentException when {@code sha256} is not 64 lowercase hex digits
   */
  public Location block(String sha256) {
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("not a block name: " + sha256);
    }
    return blocks().resolve(sha256);
  }

  /** The block a location holds, or null if it is not exactly a block's location. */
  String blockOf(Location location) {
    String name = lastSegment(location);
    return isSha256(name) && block(name).equals(location) ? name : null;
  }

  public Location hint() {
    return root.resolve("catalog/latest");
  }

  public Location probes() {
    return root.resolve("catalog/probe/");
  }

  /** Where running garbage collections announce themselves. */
  Location collections() {
    return root.resolve("catalog/gc/");
  }

  /** Where commits in flight list the existing blocks they are about to reference. */
  Location pins() {
    return root.resolve("catalog/pins/");
  }

  /** The marker or pin named {@code id} (a random UUID) under {@code directory}. */
  Location entry(Location directory, String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not an id: " + id);
    }
    return directory.resolve(id);
  }

  /** Whether {@code location} is exactly a marker or pin location under {@code directory}. */
  boolean isEntry(Location directory, Location location) {
    String name = lastSegment(location);
    return ID.matcher(name).matches() && directory.resolve(name).equals(location);
  }

  /** The default data path of a lake whose catalog lives here. */
  public Location data() {
    return root.resolve("data/");
  }

  private static String lastSegment(Location location) {
    String v = location.value();
    return v.substring(v.lastIndexOf('/') + 1);
  }
}
