package io.quacklake.testkit.concurrency;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.RowIterator;
import io.quacklake.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a lake written by {@link WriterWorkload}s against their acknowledged commits: dense
 * snapshot ids each with its change log, every acknowledged commit present exactly once, exactly
 * the rows the acknowledged appends and deletes leave, metadata counts equal to scanned counts,
 * every catalog file present with its recorded size, and no unreferenced data files. In lenient
 * mode (a writer was killed) one unacknowledged commit and one unreferenced file per killed writer
 * are tolerated.
 */
public final class LakeAuditor {
  private final List<String> problems = new ArrayList<>();

  /**
   * @param catalog the lake's catalog location
   * @param jdbcUrl a plain JDBC URL of the same catalog, for checking its file rows
   */
  public static List<String> audit(
      String catalog, String jdbcUrl, Path dataDir, List<Ack> acks, Set<Integer> killedWriters) {
    return audit(catalog, jdbcUrl, dataDir, acks, killedWriters, 0);
  }

  /**
   * @param dataDir the local data directory, or null for data in an object store (then file
   *     presence is proved by scanning every row, and unreferenced files are not looked for)
   * @param lostFiles unreferenced files tolerated beyond one per killed writer (commits whose
   *     outcome was unknown and which did not land keep their files)
   */
  public static List<String> audit(
      String catalog,
      String jdbcUrl,
      Path dataDir,
      List<Ack> acks,
      Set<Integer> killedWriters,
      int lostFiles) {
    LakeAuditor a = new LakeAuditor();
    a.run(catalog, jdbcUrl, dataDir, acks, killedWriters, lostFiles, false);
    return a.problems;
  }

  /**
   * As {@link #audit}, for a lake maintained while it was written and fully cleaned up afterwards:
   * snapshot ids only increase (expiry leaves gaps), acknowledged snapshots may have been expired,
   * maintenance snapshots need no acknowledgement, and no unreferenced data file may remain.
   */
  public static List<String> auditMaintained(
      String catalog, String jdbcUrl, Path dataDir, List<Ack> acks, Set<Integer> killedWriters) {
    LakeAuditor a = new LakeAuditor();
    a.run(catalog, jdbcUrl, dataDir, acks, killedWriters, 0, true);
    return a.problems;
  }

  private void run(
      String catalog,
      String jdbcUrl,
      Path dataDir,
      List<Ack> acks,
      Set<Integer> killed,
      int lostFiles,
      boolean maintained) {
    LakeOptions options =
        dataDir == null ? LakeOptions.defaults() : LakeOptions.dataPath(dataDir.toString());
    try (Lake lake = Lake.open(catalog, options)) {
      List<Snapshot> snapshots = lake.snapshots();
      java.util.Map<Long, Snapshot> byId = new java.util.HashMap<>();
      snapshots.forEach(s -> byId.put(s.id(), s));
      for (int i = 0; i < snapshots.size(); i++) {
        if (maintained) {
          if (i > 0 && snapshots.get(i).id() <= snapshots.get(i - 1).id()) {
            problems.add("snapshot ids do not increase at position " + i);
          }
        } else if (snapshots.get(i).id() != i) {
          problems.add(
              "snapshot ids are not dense: position " + i + " holds " + snapshots.get(i).id());
          break;
        }
        if (snapshots.get(i).changesMade() == null) {
          problems.add("snapshot " + i + " has no change log");
        }
      }
      Set<Long> seen = new HashSet<>();
      List<Ack> ordered = new ArrayList<>(acks);
      ordered.sort(Comparator.comparingLong(Ack::snapshot));
      TreeSet<Long> expected = new TreeSet<>();
      Set<Long> updated = new HashSet<>();
      long latest = snapshots.isEmpty() ? -1 : snapshots.get(snapshots.size() - 1).id();
      for (Ack a : ordered) {
        if (!seen.add(a.snapshot())) {
          problems.add("snapshot " + a.snapshot() + " was acknowledged to two writers");
        }
        Snapshot acked = byId.get(a.snapshot());
        if (acked == null && (!maintained || a.snapshot() > latest)) {
          problems.add("acknowledged snapshot " + a.snapshot() + " is missing");
          continue;
        }
        String changes = acked == null ? null : acked.changesMade();
        if (a.kind() == 'U') {
          long live = expected.subSet(a.first(), true, a.last(), true).size();
          if (live != a.count()) {
            problems.add(
                "update at snapshot "
                    + a.snapshot()
                    + " reported "
                    + a.count()
                    + " rows but "
                    + live
                    + " were live");
          }
          updated.addAll(expected.subSet(a.first(), true, a.last(), true));
          continue;
        }
        if (a.kind() == 'A') {
          if (acked != null
              && (changes == null
                  || !(changes.contains("inserted_into_table")
                      || changes.contains("inlined_insert")))) {
            problems.add(
                "snapshot " + a.snapshot() + " acknowledged an append but logs " + changes);
          }
          for (long id = a.first(); id <= a.last(); id++) {
            expected.add(id);
          }
        } else {
          long live = expected.subSet(a.first(), true, a.last(), true).size();
          if (live != a.count()) {
            problems.add(
                "delete at snapshot "
                    + a.snapshot()
                    + " reported "
                    + a.count()
                    + " rows but "
                    + live
                    + " were live");
          }
          expected.subSet(a.first(), true, a.last(), true).clear();
        }
      }
      int unacked = unacknowledged(snapshots, seen, maintained);
      if (unacked > killed.size()) {
        problems.add(
            unacked + " commits were never acknowledged (" + killed.size() + " writers killed)");
      }
      checkRows(lake, expected, updated, killed);
      long metadataCount = lake.table(WriterWorkload.TABLE).scan().count();
      long scanned = lake.table(WriterWorkload.TABLE).scan().filter("id >= 0").count();
      if (metadataCount != scanned) {
        problems.add("metadata row count " + metadataCount + " differs from scanned " + scanned);
      }
    }
    if (dataDir != null) {
      checkFiles(jdbcUrl, dataDir, maintained ? 0 : killed.size() + lostFiles);
    }
  }

  private static int unacknowledged(List<Snapshot> snapshots, Set<Long> acked, boolean maintained) {
    int n = 0;
    for (Snapshot s : snapshots) {
      boolean ddl = s.changesMade() == null || s.changesMade().startsWith("created_");
      if (maintained && s.changesMade() != null && maintenanceOnly(s.changesMade())) {
        continue;
      }
      if (s.id() > 0 && !ddl && !acked.contains(s.id())) {
        n++;
      }
    }
    return n;
  }

  /** Whether a change log holds only what maintenance writes. */
  private static boolean maintenanceOnly(String changes) {
    for (String entry : changes.split(",")) {
      String token = entry.substring(0, Math.max(0, entry.indexOf(':')));
      if (!List.of(
              "inline_flush",
              "flushed_inlined",
              "merge_adjacent",
              "rewrite_delete",
              "deleted_from_table")
          .contains(token)) {
        return false;
      }
    }
    return changes.contains("inline_flush")
        || changes.contains("flushed_inlined")
        || changes.contains("merge_adjacent")
        || changes.contains("rewrite_delete");
  }

  private void checkRows(
      Lake lake, TreeSet<Long> expected, Set<Long> updated, Set<Integer> killed) {
    TreeSet<Long> actual = new TreeSet<>();
    try (RowIterator rows =
        lake.table(WriterWorkload.TABLE).scan().select("id", "writer", "payload").rows()) {
      while (rows.hasNext()) {
        Map<String, Object> r = rows.next();
        long id = (Long) r.get("id");
        if (!actual.add(id)) {
          problems.add("row id " + id + " appears twice");
        }
        String payload = updated.contains(id) ? "u" : "p" + id;
        if (expected.contains(id) && !payload.equals(r.get("payload"))) {
          problems.add("row " + id + " has payload " + r.get("payload") + ", not " + payload);
        }
        if (!expected.contains(id) && !killed.contains(((Long) r.get("writer")).intValue())) {
          problems.add("row " + id + " is in the lake but no acknowledged commit put it there");
        }
      }
    }
    for (long id : expected) {
      if (!actual.contains(id)) {
        problems.add("acknowledged row " + id + " is missing");
        break;
      }
    }
  }

  private void checkFiles(String jdbcUrl, Path dataDir, int killed) {
    Set<String> referenced = new HashSet<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      for (String table : new String[] {"ducklake_data_file", "ducklake_delete_file"}) {
        try (ResultSet rs = s.executeQuery("SELECT path, file_size_bytes FROM " + table)) {
          while (rs.next()) {
            Path p = dataDir.resolve("main/events").resolve(rs.getString(1));
            referenced.add(p.toAbsolutePath().normalize().toString());
            try {
              if (!Files.exists(p) || Files.size(p) != rs.getLong(2)) {
                problems.add(table + " file " + p + " is missing or has the wrong size");
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT path FROM ducklake_files_scheduled_for_deletion")) {
        while (rs.next()) {
          referenced.add(dataDir.resolve(rs.getString(1)).toAbsolutePath().normalize().toString());
        }
      }
    } catch (SQLException e) {
      problems.add("cannot read catalog: " + e.getMessage());
      return;
    }
    List<Path> orphans = new ArrayList<>();
    if (!Files.exists(dataDir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !referenced.contains(p.toAbsolutePath().normalize().toString()))
          .forEach(orphans::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (orphans.size() > killed) {
      problems.add(orphans.size() + " data files are not referenced by the catalog: " + orphans);
    }
  }
}
