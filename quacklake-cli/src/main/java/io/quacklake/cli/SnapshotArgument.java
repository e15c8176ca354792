package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.TableScan;
import io.quacklake.exceptions.QuacklakeException;
import java.time.Instant;

/**
 * A {@code SNAPSHOT} argument: a snapshot id, or a timestamp {@code YYYY-MM-DD[
 * HH:MM:SS[.f]][+HH[:MM]]} (UTC without an offset) meaning the newest snapshot at or before it.
 */
record SnapshotArgument(Long id, Instant time) {
  static SnapshotArgument parse(String text) {
    String s = text.trim();
    if (s.matches("\\d+")) {
      return new SnapshotArgument(Long.parseLong(s), null);
    }
    try {
      return new SnapshotArgument(null, TimestampArgument.parse(s));
    } catch (RuntimeException e) {
      throw QuacklakeException.invalid(
          "'%s' is not a snapshot: give a snapshot id or a timestamp like"
              + " '2025-01-31 12:00:00' (UTC) or '2025-01-31 12:00:00+02'",
          text);
    }
  }

  /** The snapshot id this argument names in {@code lake}. */
  long resolve(Lake lake) {
    return id != null ? lake.snapshot(id).id() : lake.snapshotAt(time).id();
  }

  TableScan applyTo(TableScan scan) {
    return id != null ? scan.asOf(id) : scan.asOf(time);
  }
}
