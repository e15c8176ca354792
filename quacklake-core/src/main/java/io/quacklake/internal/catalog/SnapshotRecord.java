package io.quacklake.internal.catalog;

import java.time.Instant;

/** A row of {@code ducklake_snapshot} joined with its {@code ducklake_snapshot_changes}. */
public record SnapshotRecord(
    long snapshotId,
    Instant time,
    long schemaVersion,
    long nextCatalogId,
    long nextFileId,
    String changesMade,
    String author,
    String commitMessage,
    String commitExtraInfo) {}
