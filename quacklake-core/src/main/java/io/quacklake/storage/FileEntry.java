package io.quacklake.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A file found by {@link ObjectStore#list}.
 *
 * @param location where it is
 * @param size its length in bytes
 * @param lastModified when it was written
 */
public record FileEntry(Location location, long size, Instant lastModified) {
  public FileEntry {
    Objects.requireNonNull(location, "location is null");
    Objects.requireNonNull(lastModified, "lastModified is null");
  }
}
