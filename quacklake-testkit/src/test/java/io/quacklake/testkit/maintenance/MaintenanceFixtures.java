package io.quacklake.testkit.maintenance;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The table, rows and peer reads the maintenance tests share. */
final class MaintenanceFixtures {
  private MaintenanceFixtures() {}

  /** {@code id BIGINT, name VARCHAR}. */
  static final List<LakeColumn> COLUMNS =
      List.of(
          LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
          LakeColumn.of(0, "name", LakeType.of(TypeId.VARCHAR)));

  /** Rows with ids {@code [from, to)}; every seventh name is NULL. */
  static List<Map<String, Object>> rows(int from, int to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", (long) i);
      row.put("name", i % 7 == 0 ? null : "n" + i);
      out.add(row);
    }
    return out;
  }

  /** Runs one transaction and commits it. */
  static Snapshot run(Lake lake, Consumer<Transaction> step) {
    try (Transaction tx = lake.begin()) {
      step.accept(tx);
      return tx.commit();
    }
  }

  /**
   * {@code rowid} and every column of {@code main.<table>} at every snapshot where the table
   * exists, ordered by row id, as the peer reads them (one peer process for all snapshots).
   */
  static Map<Long, List<Map<String, Object>>> peerRows(
      DuckDbPeer peer, Path work, String catalog, String table) {
    String attach = peer.attachForReading(catalog, null, "l", null);
    List<Map<String, Object>> snapshots =
        peer.query(
            work,
            attach
                + "; SELECT s.snapshot_id FROM __ducklake_metadata_l.ducklake_snapshot s WHERE"
                + " EXISTS (SELECT 1 FROM __ducklake_metadata_l.ducklake_table t WHERE"
                + " t.table_name = '"
                + table
                + "' AND s.snapshot_id >= t.begin_snapshot AND (t.end_snapshot IS NULL OR"
                + " s.snapshot_id < t.end_snapshot)) ORDER BY 1");
    StringBuilder sql = new StringBuilder(attach).append(";");
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> s : snapshots) {
      long id = ((Number) s.get("snapshot_id")).longValue();
      ids.add(id);
      sql.append(" SELECT rowid AS r, * FROM l.main.")
          .append(table)
          .append(" AT (VERSION => ")
          .append(id)
          .append(") ORDER BY rowid;");
    }
    List<List<Map<String, Object>>> results = peer.results(work, sql.toString());
    Map<Long, List<Map<String, Object>>> out = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      out.put(ids.get(i), results.get(results.size() - ids.size() + i));
    }
    return out;
  }
}
