package io.quacklake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored version of an object-store catalog (see {@link CatalogVersions}).
 *
 * @param version N, counting from 1 (the new, empty catalog)
 * @param snapshotId the newest DuckLake snapshot this version holds
 * @param created when it was published
 * @param fileSize the catalog database's length in bytes
 * @param blocks the names (SHA-256, hex) of the stored objects the database is made of: the blocks
 *     of an image in file order, then the page deltas applied to it, oldest first
 */
public record CatalogVersion(
    long version, long snapshotId, Instant created, long fileSize, List<String> blocks) {
  public CatalogVersion {
    Objects.requireNonNull(created, "created is null");
    blocks = List.copyOf(blocks);
  }
}
