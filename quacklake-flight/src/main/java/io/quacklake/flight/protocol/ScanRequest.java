package io.quacklake.flight.protocol;

import io.quacklake.exceptions.QuacklakeException;
import java.util.List;

/**
 * A scan: the {@code GetFlightInfo} command and the {@code DoGet} ticket.
 *
 * @param table {@code schema.table} or {@code table}
 * @param columns the columns, in order; null for all
 * @param where a filter in the CLI's {@code --where} grammar; null for all rows
 * @param snapshot the snapshot to read; null for the newest (a ticket always names one)
 * @param timestamp read the newest snapshot at or before this ISO-8601 instant instead
 * @param limit at most this many rows; null for all
 * @param part which of {@code parts} endpoints this ticket reads (tickets of parallel plans)
 * @param parts how many endpoints split the scan's files between them
 * @param transaction read inside a transaction begun with {@code begin} (its own writes included)
 */
public record ScanRequest(
    String table,
    List<String> columns,
    String where,
    Long snapshot,
    String timestamp,
    Long limit,
    Integer part,
    Integer parts,
    String transaction) {

  public ScanRequest {
    if (table == null || table.isBlank()) {
      throw QuacklakeException.invalid("a scan needs a table");
    }
    if (limit != null && limit < 0) {
      throw QuacklakeException.invalid("limit %d is negative", limit);
    }
    if (transaction != null && (snapshot != null || timestamp != null)) {
      throw QuacklakeException.invalid(
          "a scan inside a transaction reads its base snapshot; drop snapshot and timestamp");
    }
    if (snapshot != null && timestamp != null) {
      throw QuacklakeException.invalid("a scan takes a snapshot or a timestamp, not both");
    }
    if ((part == null) != (parts == null)
        || (parts != null && (parts < 1 || part < 0 || part >= parts))) {
      throw QuacklakeException.invalid("part %s of %s is not a part of the scan", part, parts);
    }
  }

  /** A scan of every row of a table at its newest snapshot. */
  public static ScanRequest of(String table) {
    return new ScanRequest(table, null, null, null, null, null, null, null, null);
  }

  /** The same scan at a fixed snapshot. */
  public ScanRequest at(long snapshotId) {
    return transaction != null
        ? this
        : new ScanRequest(table, columns, where, snapshotId, null, limit, part, parts, null);
  }

  /** The same scan, reading only part {@code index} of {@code count}. */
  public ScanRequest part(int index, int count) {
    return new ScanRequest(
        table, columns, where, snapshot, timestamp, limit, index, count, transaction);
  }
}
