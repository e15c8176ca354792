package io.quacklake;

/**
 * A data file a scan will read, after pruning by catalog statistics and partition values.
 *
 * @param location where the file is
 * @param recordCount rows in the file, before deletes
 * @param fileSizeBytes its size
 * @param hasDeletes whether some of its rows are deleted at the scan's snapshot
 */
public record PlannedFile(
    String location, long recordCount, long fileSizeBytes, boolean hasDeletes) {}
