package io.quacklake.internal.changes;

import io.quacklake.ChangeType;

/** One row of the change feed: a row version with the snapshot and kind of its change. */
public record ChangeRow(long snapshotId, long rowId, ChangeType type, Object[] values) {}
