package io.quacklake.txn;

import io.quacklake.catalog.SnapshotRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Checks a transaction against the snapshots committed since its base (spec §3.5). */
final class ConflictCheck {
  private ConflictCheck() {}

  static void check(Connection c, TransactionState state, List<SnapshotRecord> since)
      throws SQLException {}
}
