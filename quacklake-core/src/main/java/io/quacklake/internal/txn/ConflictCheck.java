package io.quacklake.internal.txn;

import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.SnapshotWrites;
import io.quacklake.internal.catalog.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link ConflictRules} for a commit inside its catalog transaction: reads the change logs
 * committed since the base snapshot and, only when both sides deleted from one table, the data
 * files other commits deleted from.
 */
final class ConflictCheck {
  private ConflictCheck() {}

  /** Throws a CONFLICT exception when the commit conflicts. */
  static void check(Connection c, SqlDialect dialect, long base, CommitSummary mine)
      throws SQLException {
    List<CommittedChanges> others = new ArrayList<>();
    for (SnapshotRecord s : SnapshotWrites.since(c, dialect, base)) {
      others.add(CommittedChanges.parse(s.snapshotId(), s.changesMade()));
    }
    Map<Long, Long> concurrent = new HashMap<>();
    boolean[] loaded = {false};
    ConcurrentFileDeletes files =
        () -> {
          if (!loaded[0]) {
            loaded[0] = true;
            try {
              concurrent.putAll(deletedSince(c, base));
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
          return concurrent;
        };
    Optional<Conflict> conflict = ConflictRules.check(mine.forConflictCheck(), others, files);
    if (conflict.isPresent()) {
      throw conflict.get().toException();
    }
  }

  private static Map<Long, Long> deletedSince(Connection c, long base) throws SQLException {
    Map<Long, Long> out = new HashMap<>();
    String[] queries = {
      "SELECT data_file_id, MIN(begin_snapshot) FROM ducklake_delete_file"
          + " WHERE begin_snapshot > ? GROUP BY data_file_id",
      "SELECT data_file_id, end_snapshot FROM ducklake_data_file WHERE end_snapshot > ?"
    };
    for (String sql : queries) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, base);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.merge(rs.getLong(1), rs.getLong(2), Math::min);
          }
        }
      }
    }
    return out;
  }
}
