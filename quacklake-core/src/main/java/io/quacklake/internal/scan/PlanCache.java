package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.FileColumnStatsRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.PartitionColumnRecord;
import io.quacklake.internal.catalog.SnapshotGateway;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.SnapshotWrites;
import io.quacklake.internal.catalog.StatsBound;
import io.quacklake.internal.parquet.NameMapping;
import io.quacklake.internal.txn.SnapshotChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per open lake: the data files of the tables it plans again and again, with their partition
 * values, name mappings and, per filter column, their statistics — so that planning a point query
 * on a table of 100,000 files filters them in memory instead of asking the catalog. A table is
 * cached from its second plan on (a one-shot command never pays for loading everything), at a
 * snapshot; a plan at another snapshot reuses it when no snapshot in between names the table in its
 * {@code changes_made} (every change to a table's files does: inserts, deletes, flushes, merges,
 * rewrites, alterations, drops), else reloads it. Delete files, inlined deletes and inlined rows
 * are read at every plan. The snapshots in between must all still exist and the cached one keep its
 * time; otherwise (expired, restored) the table is reloaded.
 */
public final class PlanCache {
  /** Plans of a table before its files are cached. */
  private static final int CACHE_FROM_PLAN = 2;

  /** Tables cached at once, least recently planned dropped first. */
  private static final int MAX_TABLES = 32;

  private final Map<Long, Integer> plans = new ConcurrentHashMap<>();
  private final Map<Long, Entry> entries =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
              return size() > MAX_TABLES;
            }
          });

  /** A table's files as they are at {@link #snapshot()}. */
  static final class Entry {
    private final long snapshot;
    private final Instant time;
    private final List<DataFileRecord> files;
    private final Map<Long, NameMapping> mappings;
    private final Map<Long, List<PartitionColumnRecord>> partitionKeys;
    private final Map<Long, Map<Integer, String>> partitionValues;
    private final Map<Long, Map<Long, List<FileColumnStatsRecord>>> statsByColumn =
        new ConcurrentHashMap<>();
    private final Map<Long, long[]> integerBounds = new ConcurrentHashMap<>();

    /**
     * The newest snapshot whose changes this entry reflects: flushes and merges up to it were in
     * the catalog when it was loaded or last checked.
     */
    private volatile long checkedUpTo;

    private Entry(
        long snapshot,
        Instant time,
        List<DataFileRecord> files,
        Map<Long, NameMapping> mappings,
        Map<Long, List<PartitionColumnRecord>> partitionKeys,
        Map<Long, Map<Integer, String>> partitionValues) {
      this.snapshot = snapshot;
      this.time = time;
      this.files = List.copyOf(files);
      this.mappings = mappings;
      this.partitionKeys = partitionKeys;
      this.partitionValues = partitionValues;
    }

    long snapshot() {
      return snapshot;
    }

    /** The same files and loaded statistics, valid at a later snapshot. */
    Entry at(long later, Instant laterTime) {
      Entry moved = new Entry(later, laterTime, files, mappings, partitionKeys, partitionValues);
      moved.checkedUpTo = checkedUpTo;
      moved.statsByColumn.putAll(statsByColumn);
      moved.integerBounds.putAll(integerBounds);
      return moved;
    }

    List<DataFileRecord> files() {
      return files;
    }

    Map<Long, NameMapping> mappings() {
      return mappings;
    }

    Map<Long, List<PartitionColumnRecord>> partitionKeys() {
      return partitionKeys;
    }

    Map<Long, Map<Integer, String>> partitionValues() {
      return partitionValues;
    }

    /**
     * The files whose integer statistics may hold a value within every bound, as the catalog's
     * query does it: a file without statistics for a bound's column is kept.
     */
    List<DataFileRecord> within(CatalogSession c, long tableId, List<StatsBound> bounds) {
      if (bounds.isEmpty()) {
        return files;
      }
      List<long[]> ranges = new ArrayList<>();
      for (StatsBound b : bounds) {
        if (b.low() > b.high()) {
          return List.of();
        }
        ranges.add(integerBounds(c, tableId, b.columnId()));
      }
      List<DataFileRecord> out = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        boolean keep = true;
        for (int k = 0; k < bounds.size() && keep; k++) {
          long[] r = ranges.get(k);
          keep = r[2 * i + 1] >= bounds.get(k).low() && r[2 * i] <= bounds.get(k).high();
        }
        if (keep) {
          out.add(files.get(i));
        }
      }
      return out;
    }

    /** Per file (in order), its column's minimum and maximum; unknown as the widest range. */
    private long[] integerBounds(CatalogSession c, long tableId, long columnId) {
      return integerBounds.computeIfAbsent(
          columnId,
          id -> {
            loadStats(c, tableId, List.of(id));
            Map<Long, List<FileColumnStatsRecord>> stats = statsByColumn.get(id);
            long[] out = new long[files.size() * 2];
            for (int i = 0; i < files.size(); i++) {
              out[2 * i] = Long.MIN_VALUE;
              out[2 * i + 1] = Long.MAX_VALUE;
              for (FileColumnStatsRecord r :
                  stats.getOrDefault(files.get(i).dataFileId(), List.of())) {
                out[2 * i] = parse(r.minValue(), Long.MIN_VALUE);
                out[2 * i + 1] = parse(r.maxValue(), Long.MAX_VALUE);
              }
            }
            return out;
          });
    }

    private static long parse(String text, long unknown) {
      if (text == null) {
        return unknown;
      }
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        return unknown;
      }
    }

    /** The statistics of the given columns by data file, loaded once per column. */
    Map<Long, List<FileColumnStatsRecord>> stats(
        CatalogSession c, long tableId, Collection<Long> columnIds) {
      loadStats(c, tableId, columnIds);
      Map<Long, List<FileColumnStatsRecord>> out = new HashMap<>();
      for (Long id : columnIds) {
        statsByColumn
            .get(id)
            .forEach(
                (file, rows) -> out.computeIfAbsent(file, k -> new ArrayList<>()).addAll(rows));
      }
      return out;
    }

    /** Loads the statistics of the columns not loaded yet, in one query. */
    private void loadStats(CatalogSession c, long tableId, Collection<Long> columnIds) {
      List<Long> missing = new ArrayList<>();
      for (Long id : columnIds) {
        if (!statsByColumn.containsKey(id)) {
          missing.add(id);
        }
      }
      if (!missing.isEmpty()) {
        Map<Long, Map<Long, List<FileColumnStatsRecord>>> loaded = new HashMap<>();
        missing.forEach(id -> loaded.put(id, new HashMap<>()));
        FileGateway.columnStats(c, tableId, snapshot, missing)
            .forEach(
                (file, rows) -> {
                  for (FileColumnStatsRecord r : rows) {
                    loaded.get(r.columnId()).computeIfAbsent(file, k -> new ArrayList<>(1)).add(r);
                  }
                });
        statsByColumn.putAll(loaded);
      }
    }

    /** The statistics of the given columns for the given files only. */
    Map<Long, List<FileColumnStatsRecord>> stats(
        CatalogSession c, long tableId, Collection<Long> columnIds, List<DataFileRecord> of) {
      if (of.size() * 4L > files.size()) {
        return stats(c, tableId, columnIds);
      }
      loadStats(c, tableId, columnIds);
      Map<Long, List<FileColumnStatsRecord>> out = new HashMap<>();
      for (DataFileRecord f : of) {
        for (Long id : columnIds) {
          List<FileColumnStatsRecord> rows = statsByColumn.get(id).get(f.dataFileId());
          if (rows != null) {
            out.computeIfAbsent(f.dataFileId(), k -> new ArrayList<>()).addAll(rows);
          }
        }
      }
      return out;
    }
  }

  /**
   * The table's cached files, valid at {@code snapshot}, or null when the caller should plan from
   * the catalog (not planned often enough yet, or a snapshot older than the cached one with changes
   * in between).
   */
  Entry lookup(CatalogSession c, long tableId, long snapshot) {
    Entry e = entries.get(tableId);
    if (e == null) {
      if (plans.merge(tableId, 1, Integer::sum) < CACHE_FROM_PLAN) {
        return null;
      }
      return load(c, tableId, snapshot);
    }
    Check check = validity(c, tableId, e, snapshot);
    if (check.validity() == Validity.VALID) {
      e.checkedUpTo = Math.max(e.checkedUpTo, check.latest());
      if (snapshot > e.snapshot) {
        Entry moved = e.at(snapshot, check.time());
        entries.put(tableId, moved);
        return moved;
      }
      return e;
    }
    entries.remove(tableId);
    return check.validity() == Validity.RELOAD ? load(c, tableId, snapshot) : null;
  }

  /**
   * @param time the planned snapshot's time
   * @param latest the newest snapshot checked
   */
  private record Check(Validity validity, Instant time, long latest) {}

  private enum Validity {
    VALID,
    RELOAD,
    UNCACHED
  }

  /**
   * Whether the entry holds the table's files at {@code snapshot}: every snapshot from the older of
   * the two to the latest still exists (the cached one with its time), none between the two names
   * the table, and none since names it for a flush or a merge — those rewrite history, adding files
   * that begin at older snapshots and deleting rows and files outright.
   */
  private static Check validity(CatalogSession c, long tableId, Entry e, long snapshot) {
    long from = Math.min(e.snapshot, snapshot);
    long to = Math.max(e.snapshot, snapshot);
    Validity invalid = snapshot > e.snapshot ? Validity.RELOAD : Validity.UNCACHED;
    List<SnapshotRecord> range = SnapshotWrites.since(c, from - 1);
    if (range.isEmpty()
        || range.get(0).snapshotId() != from
        || range.get(range.size() - 1).snapshotId() - from + 1 != range.size()
        || range.get(range.size() - 1).snapshotId() < to) {
      return new Check(Validity.RELOAD, null, 0);
    }
    String id = Long.toString(tableId);
    Instant time = null;
    for (SnapshotRecord s : range) {
      if (s.snapshotId() == e.snapshot && !s.time().equals(e.time)) {
        return new Check(Validity.RELOAD, null, 0);
      }
      if (s.snapshotId() == snapshot) {
        time = s.time();
      }
      if (s.snapshotId() == from) {
        continue;
      }
      for (Map.Entry<String, List<String>> k : SnapshotChanges.parse(s.changesMade()).entrySet()) {
        if (!k.getValue().contains(id)) {
          continue;
        }
        if (HISTORY_REWRITES.contains(k.getKey()) && s.snapshotId() > e.checkedUpTo) {
          return new Check(invalid, null, 0);
        }
        if (s.snapshotId() <= to) {
          return new Check(invalid, null, 0);
        }
      }
    }
    return new Check(Validity.VALID, time, range.get(range.size() - 1).snapshotId());
  }

  /** Changes that add files beginning before their own snapshot, or delete rows and files. */
  private static final java.util.Set<String> HISTORY_REWRITES =
      java.util.Set.of("flushed_inlined", "merge_adjacent", "rewrite_delete");

  private Entry load(CatalogSession c, long tableId, long snapshot) {
    SnapshotRecord at = SnapshotGateway.find(c, snapshot);
    if (at == null) {
      return null;
    }
    long latest = SnapshotWrites.latest(c).snapshotId();
    List<DataFileRecord> files = FileGateway.dataFiles(c, tableId, snapshot);
    Partitions partitions = Partitions.load(c, tableId, files);
    Entry e =
        new Entry(
            snapshot,
            at.time(),
            files,
            ScanPlanner.mappings(c, files),
            partitions.keys(),
            partitions.values());
    e.checkedUpTo = latest;
    entries.put(tableId, e);
    return e;
  }
}
