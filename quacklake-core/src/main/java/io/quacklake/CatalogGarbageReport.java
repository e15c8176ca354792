package io.quacklake;

/**
 * What a garbage collection of catalog versions did (see {@link CatalogVersions#collectGarbage}).
 *
 * @param versionsDeleted versions removed
 * @param versionsKept versions left
 * @param blocksDeleted blocks removed
 * @param bytesFreed bytes of the removed blocks
 * @param blocksKept blocks left
 */
public record CatalogGarbageReport(
    int versionsDeleted, int versionsKept, int blocksDeleted, long bytesFreed, int blocksKept) {}
