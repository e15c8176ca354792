package io.quacklake.internal.changes;

import io.quacklake.ChangeType;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.ChangeGateway;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.InlinedDataGateway;
import io.quacklake.internal.catalog.InlinedTableRecord;
import io.quacklake.internal.deletes.DeleteFiles;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.parquet.NameMapping;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.scan.ScanPlanner;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.ValueText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row-level changes of a table in snapshots {@code from..to} (both included), as DuckDB's
 * {@code ducklake_table_changes} returns them: the rows each snapshot inserted (data files and
 * inlined rows it added; the rows of files compaction or a flush wrote keep the snapshot embedded
 * with them, so they are not inserted again) and deleted (delete files, catalog-recorded deletes,
 * removed data files, ended inlined rows), both as the table's columns at {@code to}. A row id
 * deleted and inserted in one snapshot is an update (pre- and postimage).
 */
public final class ChangeFeed {
  private final LakeContext lake;
  private final long from;
  private final long to;
  private final ResolvedTable table;
  private final List<LakeColumn> columns;

  private ChangeFeed(LakeContext lake, TableName name, long from, long to) {
    this.lake = lake;
    this.from = from;
    this.to = to;
    this.table = lake.tables().resolve(name, to);
    this.columns = table.columns();
  }

  /**
   * The changes and the columns their values follow (the table's at the end snapshot).
   *
   * @param columns the table's columns at {@code to}
   * @param rows ordered by snapshot, row id, and old version before new
   */
  public record Feed(List<LakeColumn> columns, List<ChangeRow> rows) {}

  /**
   * The changes of {@code from..to} and the columns their values follow.
   *
   * @throws QuacklakeException NOT_FOUND when a snapshot does not exist or the table does not at
   *     {@code to}
   */
  public static Feed read(LakeContext lake, TableName name, long from, long to) {
    requireSnapshot(lake, from);
    requireSnapshot(lake, to);
    ChangeFeed feed = new ChangeFeed(lake, name, from, to);
    return new Feed(feed.columns, from > to ? List.of() : feed.read());
  }

  private static void requireSnapshot(LakeContext lake, long id) {
    if (lake.snapshots().byId(id) != null) {
      return;
    }
    throw QuacklakeException.notFound(
        "snapshot %d does not exist (expired, or not yet taken); 'quacklake snapshots' lists them",
        id);
  }

  private record Version(long snapshot, long rowId, Object[] values) {}

  private record Catalog(
      List<ChangeGateway.DataFile> files,
      List<ChangeGateway.DeleteFile> deletes,
      List<ChangeGateway.InlinedDelete> inlinedDeletes,
      List<InlinedDataGateway.Versions> inlined,
      Map<Long, NameMapping> mappings) {}

  private List<ChangeRow> read() {
    long tableId = table.table().tableId();
    Catalog catalog =
        lake.catalog()
            .read(
                "the changes of " + table.table().name(),
                c -> {
                  List<ChangeGateway.DataFile> files = ChangeGateway.dataFiles(c, tableId);
                  List<InlinedDataGateway.Versions> inlined = new ArrayList<>();
                  for (InlinedTableRecord r : InlinedDataGateway.inlinedTables(c, tableId)) {
                    inlined.add(
                        InlinedDataGateway.readAllVersions(c, lake.catalog(), r, columns, to));
                  }
                  return new Catalog(
                      files,
                      ChangeGateway.deleteFiles(c, tableId),
                      ChangeGateway.inlinedDeletes(c, tableId, Long.MIN_VALUE, to),
                      inlined,
                      ScanPlanner.mappings(
                          c, files.stream().map(ChangeGateway.DataFile::file).toList()));
                });
    Map<Long, FileRows> read = new HashMap<>();
    List<Version> inserted = new ArrayList<>();
    List<Version> deleted = new ArrayList<>();
    Map<Long, ChangeGateway.DataFile> byId = new HashMap<>();
    catalog.files().forEach(f -> byId.put(f.file().dataFileId(), f));
    for (ChangeGateway.DataFile f : catalog.files()) {
      insertions(f, rows(f, read, catalog), inserted);
    }
    deletions(catalog, byId, read, deleted);
    for (InlinedDataGateway.Versions v : catalog.inlined()) {
      inlined(v, inserted, deleted);
    }
    return join(inserted, deleted);
  }

  /** Rows of files added in the range; in partial files, those whose own snapshot is in it. */
  private void insertions(ChangeGateway.DataFile f, FileRowsSupplier rows, List<Version> out) {
    DataFileRecord d = f.file();
    Long partialMax = d.partialMax();
    boolean selected =
        d.beginSnapshot() <= to
            && (d.beginSnapshot() >= from || (partialMax != null && partialMax >= from));
    if (!selected) {
      return;
    }
    FileRows r = rows.get();
    for (int i = 0; i < r.positions().length; i++) {
      long snapshot = r.snapshots()[i] != null ? r.snapshots()[i] : d.beginSnapshot();
      if (partialMax != null && (snapshot > to || snapshot < from)) {
        continue;
      }
      out.add(new Version(snapshot, r.rowIds()[i], r.values().get(i)));
    }
  }

  @FunctionalInterface
  private interface FileRowsSupplier {
    FileRows get();
  }

  private FileRowsSupplier rows(
      ChangeGateway.DataFile f, Map<Long, FileRows> read, Catalog catalog) {
    return () ->
        read.computeIfAbsent(
            f.file().dataFileId(),
            id -> {
              DataFileRecord d = f.file();
              Location location = d.location(table.directory(), table.table().name());
              NameMapping mapping =
                  d.mappingId() == null ? null : catalog.mappings().get(d.mappingId());
              return FileRows.read(lake.store(), lake.allocator(), d, location, mapping, columns);
            });
  }

  /**
   * Rows deleted in the range, each once at the snapshot that deleted it: positions a delete file
   * added (its own per-row snapshots, or its begin snapshot for what it holds beyond the data
   * file's previous delete file and catalog-recorded deletes), catalog-recorded deletes, and the
   * remaining rows of a data file removed whole.
   */
  private void deletions(
      Catalog catalog,
      Map<Long, ChangeGateway.DataFile> byId,
      Map<Long, FileRows> read,
      List<Version> out) {
    Map<Long, List<DeleteFileRecord>> deleteFiles = new HashMap<>();
    for (ChangeGateway.DeleteFile x : catalog.deletes()) {
      deleteFiles.computeIfAbsent(x.file().dataFileId(), k -> new ArrayList<>()).add(x.file());
    }
    Map<Long, TreeMap<Long, Long>> catalogDeletes = new HashMap<>();
    for (ChangeGateway.InlinedDelete i : catalog.inlinedDeletes()) {
      catalogDeletes
          .computeIfAbsent(i.dataFileId(), k -> new TreeMap<>())
          .merge(i.position(), i.snapshot(), Math::min);
    }
    java.util.Set<Long> touched = new java.util.TreeSet<>(deleteFiles.keySet());
    touched.addAll(catalogDeletes.keySet());
    for (ChangeGateway.DataFile f : catalog.files()) {
      if (f.endSnapshot() != null && f.endSnapshot() >= from && f.endSnapshot() <= to) {
        touched.add(f.file().dataFileId());
      }
    }
    for (long fileId : touched) {
      ChangeGateway.DataFile f = byId.get(fileId);
      if (f == null) {
        continue;
      }
      TreeMap<Long, Long> deletedAt =
          deletedPositions(
              f, deleteFiles.get(fileId), catalogDeletes.get(fileId), rows(f, read, catalog));
      List<Map.Entry<Long, Long>> inRange = new ArrayList<>();
      for (Map.Entry<Long, Long> e : deletedAt.entrySet()) {
        if (e.getValue() >= from && e.getValue() <= to) {
          inRange.add(e);
        }
      }
      if (inRange.isEmpty()) {
        continue;
      }
      FileRows r = rows(f, read, catalog).get();
      for (Map.Entry<Long, Long> e : inRange) {
        int i = r.indexOf(e.getKey());
        if (i >= 0) {
          out.add(new Version(e.getValue(), r.rowIds()[i], r.values().get(i)));
        }
      }
    }
  }

  /**
   * Each deleted position of a data file with the first snapshot that deleted it, at or before
   * {@code to}: catalog-recorded deletes, delete files (their embedded snapshots, or their begin
   * snapshot), and the file's removal for every position still alive then.
   */
  private TreeMap<Long, Long> deletedPositions(
      ChangeGateway.DataFile f,
      List<DeleteFileRecord> deleteFiles,
      TreeMap<Long, Long> catalog,
      FileRowsSupplier rows) {
    TreeMap<Long, Long> at = new TreeMap<>();
    if (catalog != null) {
      at.putAll(catalog);
    }
    if (deleteFiles != null) {
      deleteFiles.sort(Comparator.comparingLong(DeleteFileRecord::beginSnapshot));
      for (DeleteFileRecord x : deleteFiles) {
        if (x.beginSnapshot() > to) {
          continue;
        }
        Location location = x.location(table.directory(), table.table().name());
        PositionDeleteFile.Deletes d =
            DeleteFiles.readAll(
                lake.store().newInputFile(location, x.fileSizeBytes()),
                x.format(),
                x.beginSnapshot());
        for (int i = 0; i < d.positions().length; i++) {
          long snapshot = d.snapshots()[i];
          if (snapshot <= to) {
            at.merge(d.positions()[i], snapshot, Math::min);
          }
        }
      }
    }
    Long end = f.endSnapshot();
    if (end != null && end <= to) {
      for (long p : rows.get().positions()) {
        at.merge(p, end, Math::min);
      }
    }
    return at;
  }

  /** Inlined rows inserted or ended in the range, at their begin and end snapshots. */
  private void inlined(
      InlinedDataGateway.Versions v, List<Version> inserted, List<Version> deleted) {
    List<LakeColumn> held = v.rows().columns();
    int[] index = new int[columns.size()];
    Object[] defaults = new Object[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      index[c] = -1;
      for (int h = 0; h < held.size(); h++) {
        if (held.get(h).id() == columns.get(c).id()) {
          index[c] = h;
        }
      }
      String initial = columns.get(c).initialDefault();
      if (index[c] < 0 && initial != null && !initial.equalsIgnoreCase("NULL")) {
        defaults[c] = ValueText.parse(initial, columns.get(c));
      }
    }
    for (int r = 0; r < v.rows().rowIds().length; r++) {
      Object[] row = v.rows().values().get(r);
      Object[] out = new Object[columns.size()];
      for (int c = 0; c < out.length; c++) {
        out[c] = index[c] < 0 ? defaults[c] : row[index[c]];
      }
      long[] span = v.spans().get(r);
      long rowId = v.rows().rowIds()[r];
      if (span[0] >= from && span[0] <= to) {
        inserted.add(new Version(span[0], rowId, out));
      }
      if (span[1] >= 0 && span[1] >= from && span[1] <= to) {
        deleted.add(new Version(span[1], rowId, out));
      }
    }
  }

  private static List<ChangeRow> join(List<Version> inserted, List<Version> deleted) {
    Map<List<Long>, Integer> insertedKeys = new HashMap<>();
    for (Version v : inserted) {
      insertedKeys.merge(List.of(v.snapshot(), v.rowId()), 1, Integer::sum);
    }
    Map<List<Long>, Integer> deletedKeys = new HashMap<>();
    for (Version v : deleted) {
      deletedKeys.merge(List.of(v.snapshot(), v.rowId()), 1, Integer::sum);
    }
    List<ChangeRow> out = new ArrayList<>();
    for (Version v : deleted) {
      boolean update = insertedKeys.containsKey(List.of(v.snapshot(), v.rowId()));
      out.add(
          new ChangeRow(
              v.snapshot(),
              v.rowId(),
              update ? ChangeType.UPDATE_PREIMAGE : ChangeType.DELETE,
              v.values()));
    }
    for (Version v : inserted) {
      boolean update = deletedKeys.containsKey(List.of(v.snapshot(), v.rowId()));
      out.add(
          new ChangeRow(
              v.snapshot(),
              v.rowId(),
              update ? ChangeType.UPDATE_POSTIMAGE : ChangeType.INSERT,
              v.values()));
    }
    out.sort(
        Comparator.comparingLong(ChangeRow::snapshotId)
            .thenComparingLong(ChangeRow::rowId)
            .thenComparing(r -> r.type().isInsertion()));
    return out;
  }
}
