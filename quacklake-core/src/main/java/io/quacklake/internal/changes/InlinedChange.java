package io.quacklake.internal.changes;

/**
 * An inlined row inserted or deleted in the feed's range, with its values as the table's columns at
 * the range's end.
 */
record InlinedChange(long snapshot, long rowId, boolean insertion, Object[] values) {}
