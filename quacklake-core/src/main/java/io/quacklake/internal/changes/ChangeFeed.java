package io.quacklake.internal.changes;

import io.quacklake.ChangeType;
import io.quacklake.ScanReader;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.ChangeGateway;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.InlinedDataGateway;
import io.quacklake.internal.catalog.InlinedTableRecord;
import io.quacklake.internal.deletes.DeleteFiles;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.parquet.NameMapping;
import io.quacklake.internal.parquet.ParquetBatchReader;
import io.quacklake.internal.parquet.ParquetReadRequest;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.scan.FileTask;
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
import java.util.Set;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The row-level changes of a table in snapshots {@code from..to} (both included), as DuckDB's
 * {@code ducklake_table_changes} returns them: the rows each snapshot inserted (data files and
 * inlined rows it added; the rows of files compaction or a flush wrote keep the snapshot embedded
 * with them, so they are not inserted again) and deleted (delete files, catalog-recorded deletes,
 * removed data files, ended inlined rows), both as the table's columns at {@code to}. A row id
 * deleted and inserted in one snapshot is an update (pre- and postimage).
 *
 * <p>Worked out in two passes so that memory does not grow with the rows: the first reads only each
 * file's positions, row ids and recorded snapshots and keeps, per snapshot, bitmaps of the row ids
 * inserted and deleted (to tell updates from inserts and deletes); the second streams the files'
 * rows ({@link ChangeStream}). Held in memory: the deleted positions of the files that changed, and
 * the inlined rows (bounded by the inlining limit per flush).
 */
public final class ChangeFeed {
  private final LakeContext lake;
  private final long from;
  private final long to;
  private final ResolvedTable table;
  private final List<LakeColumn> columns;
  private Map<Long, NameMapping> mappings = Map.of();

  private ChangeFeed(LakeContext lake, TableName name, long from, long to) {
    this.lake = lake;
    this.from = from;
    this.to = to;
    this.table = lake.tables().resolve(name, to);
    this.columns = table.columns();
  }

  /**
   * A stream of the changes of {@code from..to}: {@code snapshot_id}, {@code rowid}, {@code
   * change_type}, then the table's columns at {@code to}; rows of the given types only.
   *
   * @throws QuacklakeException NOT_FOUND when a snapshot does not exist or the table does not at
   *     {@code to}
   */
  public static ScanReader open(
      LakeContext lake, TableName name, long from, long to, Set<ChangeType> types) {
    requireSnapshot(lake, from);
    requireSnapshot(lake, to);
    ChangeFeed feed = new ChangeFeed(lake, name, from, to);
    return from > to
        ? new ChangeStream(
            lake.allocator(),
            feed.columns,
            List.of(),
            List.of(),
            new ChangeKeys(),
            types,
            feed::open)
        : feed.plan(types);
  }

  private static void requireSnapshot(LakeContext lake, long id) {
    if (lake.snapshots().byId(id) != null) {
      return;
    }
    throw QuacklakeException.notFound(
        "snapshot %d does not exist (expired, or not yet taken); 'quacklake snapshots' lists them",
        id);
  }

  private record Catalog(
      List<ChangeGateway.DataFile> files,
      List<ChangeGateway.DeleteFile> deletes,
      List<ChangeGateway.InlinedDelete> inlinedDeletes,
      List<InlinedDataGateway.Versions> inlined,
      Map<Long, NameMapping> mappings) {}

  private ScanReader plan(Set<ChangeType> types) {
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
    this.mappings = catalog.mappings();
    List<FileEvents> files = fileEvents(catalog);
    List<InlinedChange> inlined = new ArrayList<>();
    for (InlinedDataGateway.Versions v : catalog.inlined()) {
      inlined(v, inlined);
    }
    ChangeKeys keys = new ChangeKeys();
    List<FileEvents> changed = new ArrayList<>();
    for (FileEvents f : files) {
      if (keys(f, keys)) {
        changed.add(f);
      }
    }
    for (InlinedChange c : inlined) {
      if (c.insertion()) {
        keys.inserted(c.snapshot(), c.rowId());
      } else {
        keys.deleted(c.snapshot(), c.rowId());
      }
    }
    return new ChangeStream(lake.allocator(), columns, changed, inlined, keys, types, this::open);
  }

  /** The files some of whose rows may have changed in the range, oldest first. */
  private List<FileEvents> fileEvents(Catalog catalog) {
    Map<Long, List<DeleteFileRecord>> deleteFiles = new HashMap<>();
    for (ChangeGateway.DeleteFile x : catalog.deletes()) {
      deleteFiles.computeIfAbsent(x.file().dataFileId(), k -> new ArrayList<>()).add(x.file());
    }
    Map<Long, List<ChangeGateway.InlinedDelete>> catalogDeletes = new HashMap<>();
    for (ChangeGateway.InlinedDelete i : catalog.inlinedDeletes()) {
      catalogDeletes.computeIfAbsent(i.dataFileId(), k -> new ArrayList<>()).add(i);
    }
    List<FileEvents> out = new ArrayList<>();
    for (ChangeGateway.DataFile f : catalog.files()) {
      long id = f.file().dataFileId();
      FileEvents events =
          new FileEvents(f, from, to, deleted(deleteFiles.get(id), catalogDeletes.get(id)));
      if (events.relevant()) {
        out.add(events);
      }
    }
    out.sort(
        Comparator.comparingLong((FileEvents e) -> e.file().file().beginSnapshot())
            .thenComparingLong(e -> e.file().file().dataFileId()));
    return out;
  }

  /**
   * A data file's deleted positions with the first snapshot at or before {@code to} that deleted
   * each: catalog-recorded deletes, and delete files (their embedded snapshots, or their begin).
   */
  private DeletedPositions deleted(
      List<DeleteFileRecord> deleteFiles, List<ChangeGateway.InlinedDelete> catalog) {
    DeletedPositions at = new DeletedPositions();
    if (catalog != null) {
      for (ChangeGateway.InlinedDelete i : catalog) {
        at.add(i.position(), i.snapshot());
      }
    }
    if (deleteFiles != null) {
      for (DeleteFileRecord x : deleteFiles) {
        if (x.beginSnapshot() > to) {
          continue;
        }
        Location location = x.location(table.directory(), table.table().name());
        PositionDeleteFile.Deletes d =
            DeleteFiles.readAll(
                io.quacklake.internal.parquet.crypto.FileEncryption.open(
                    lake.store(), location, x.fileSizeBytes(), x.encryptionKey()),
                x.format(),
                x.beginSnapshot());
        for (int i = 0; i < d.positions().length; i++) {
          if (d.snapshots()[i] <= to) {
            at.add(d.positions()[i], d.snapshots()[i]);
          }
        }
      }
    }
    return at;
  }

  /**
   * The first pass over one file: records the row ids it inserted and deleted per snapshot.
   *
   * @return whether any of its rows changed in the range
   */
  private boolean keys(FileEvents f, ChangeKeys keys) {
    boolean any = false;
    try (ParquetBatchReader reader = open(f, List.of())) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.root();
        BigIntVector position = (BigIntVector) root.getVector(ParquetReadRequest.FILE_POSITION);
        BigIntVector rowId = (BigIntVector) root.getVector(ParquetReadRequest.ROW_ID);
        BigIntVector recorded = (BigIntVector) root.getVector(ParquetReadRequest.ROW_SNAPSHOT);
        for (int r = 0; r < root.getRowCount(); r++) {
          long inserted = f.insertedAt(recorded.isNull(r) ? -1 : recorded.get(r));
          if (inserted >= 0) {
            keys.inserted(inserted, rowId.get(r));
            any = true;
          }
          long deleted = f.deletedAt(position.get(r));
          if (deleted >= 0) {
            keys.deleted(deleted, rowId.get(r));
            any = true;
          }
        }
      }
    }
    return any;
  }

  /** A reader of every row of a data file (deleted or not) with its position, id and snapshot. */
  private ParquetBatchReader open(FileEvents f, List<LakeColumn> read) {
    var d = f.file().file();
    Location location = d.location(table.directory(), table.table().name());
    NameMapping mapping = d.mappingId() == null ? null : mappings.get(d.mappingId());
    FileTask task = new FileTask(d, location, null, null, new long[0], mapping);
    ParquetReadRequest request =
        new ParquetReadRequest(
            io.quacklake.internal.parquet.crypto.FileEncryption.open(
                lake.store(), location, d.fileSizeBytes(), d.encryptionKey()),
            task.columns(read),
            null,
            new long[0],
            Long.MAX_VALUE,
            true,
            d.rowIdStart() == null ? 0 : d.rowIdStart(),
            ParquetReadRequest.DEFAULT_BATCH_SIZE,
            null,
            null,
            mapping);
    return ParquetBatchReader.open(request, lake.allocator());
  }

  /** Inlined rows inserted or ended in the range, at their begin and end snapshots. */
  private void inlined(InlinedDataGateway.Versions v, List<InlinedChange> out) {
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
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = index[c] < 0 ? defaults[c] : row[index[c]];
      }
      long[] span = v.spans().get(r);
      long rowId = v.rows().rowIds()[r];
      if (span[0] >= from && span[0] <= to) {
        out.add(new InlinedChange(span[0], rowId, true, values));
      }
      if (span[1] >= 0 && span[1] >= from && span[1] <= to) {
        out.add(new InlinedChange(span[1], rowId, false, values));
      }
    }
  }
}
