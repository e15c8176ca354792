package io.quacklake;

import java.util.Map;

/**
 * One row of a table's change feed ({@link Table#changes}): a row version, the snapshot that made
 * the change, the row's id (stable across updates) and the kind of change.
 *
 * @param values the row's columns as the table has them at the feed's end snapshot, by name, in
 *     column order; canonical Java values ({@link io.quacklake.types.LakeValues})
 */
public record Change(long snapshotId, long rowId, ChangeType type, Map<String, Object> values) {}
