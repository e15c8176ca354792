package io.quacklake.internal.maintenance;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.FileWrites;
import io.quacklake.internal.catalog.InlinedWrites;
import io.quacklake.internal.catalog.TableStatsWrites;
import io.quacklake.internal.parquet.WrittenFile;
import io.quacklake.internal.txn.MaintenanceCommit;
import io.quacklake.internal.txn.MaintenanceStep;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalog side of one table's flush, as DuckDB writes it: each flushed file begins at its
 * oldest row's snapshot with {@code partial_max} its newest and {@code row_id_start} its smallest
 * row id, its delete file (rows deleted before the flush) begins at the oldest deletion; the
 * flushed rows leave the inlined table and emptied superseded inlined tables are dropped. Delete
 * files made from catalog-recorded deletes replace the data files' current delete files.
 */
final class FlushStep implements MaintenanceStep {
  /** A flushed inlined table: the Parquet file and, when rows were deleted, its delete file. */
  record Flushed(
      String inlinedTable,
      List<LakeColumn> columns,
      String relativePath,
      WrittenFile file,
      long minBegin,
      long maxBegin,
      long minRowId,
      Deletes deletes,
      Long partitionId,
      List<String> partitionValues) {}

  /** A delete file written by the flush. */
  record Deletes(
      String relativePath,
      String format,
      long fileSizeBytes,
      long footerSize,
      Integer rowGroupCount,
      long count,
      long minSnapshot,
      String encryptionKey) {}

  /** A delete file replacing a data file's catalog-recorded deletes. */
  record Replaced(FlushPlan.FileDeletes source, Deletes deletes, long maxSnapshot) {}

  private final long tableId;
  private final Location directory;
  private final long baseSnapshot;
  private final List<Flushed> flushed;
  private final List<Replaced> replaced;

  FlushStep(
      long tableId,
      Location directory,
      long baseSnapshot,
      List<Flushed> flushed,
      List<Replaced> replaced) {
    this.tableId = tableId;
    this.directory = directory;
    this.baseSnapshot = baseSnapshot;
    this.flushed = flushed;
    this.replaced = replaced;
  }

  long dataFiles() {
    return flushed.size();
  }

  long rows() {
    return flushed.stream().mapToLong(f -> f.file().rowCount()).sum();
  }

  @Override
  public Kind kind() {
    return Kind.FLUSH_INLINED;
  }

  @Override
  public long tableId() {
    return tableId;
  }

  @Override
  public void apply(MaintenanceCommit commit) {
    CatalogSession c = commit.session();
    long added = 0;
    for (Flushed f : flushed) {
      long fileId = commit.nextFileId();
      DataFileRows.insert(
          c,
          tableId,
          new DataFileRecord(
              fileId,
              f.minBegin(),
              f.relativePath(),
              true,
              "parquet",
              f.file().rowCount(),
              f.file().fileSizeBytes(),
              f.file().footerSize(),
              f.minRowId(),
              f.partitionValues().isEmpty() ? null : f.partitionId(),
              f.file().encryptionKey(),
              null,
              f.maxBegin()),
          f.columns(),
          f.file(),
          f.partitionValues());
      added += f.file().fileSizeBytes();
      if (f.deletes() != null) {
        insertDelete(c, commit.nextFileId(), fileId, f.deletes(), null);
      }
    }
    flushed.stream()
        .map(Flushed::inlinedTable)
        .distinct()
        .forEach(t -> InlinedWrites.deleteFlushed(c, t, baseSnapshot));
    if (!flushed.isEmpty()) {
      TableStatsWrites.TableStats stats = TableStatsWrites.read(c, tableId);
      if (stats != null) {
        TableStatsWrites.write(
            c,
            tableId,
            new TableStatsWrites.TableStats(
                stats.recordCount(), stats.nextRowId(), stats.fileSizeBytes() + added),
            true);
      }
    }
    if (!replaced.isEmpty()) {
      replaceDeleteFiles(c, commit);
    }
  }

  private void replaceDeleteFiles(CatalogSession c, MaintenanceCommit commit) {
    long latest = commit.snapshot() - 1;
    Map<Long, DeleteFileRecord> now = FileGateway.deleteFiles(c, tableId, latest);
    List<Long> live =
        FileGateway.dataFiles(c, tableId, latest).stream().map(DataFileRecord::dataFileId).toList();
    for (Replaced r : replaced) {
      long dataFileId = r.source().file().dataFileId();
      DeleteFileRecord old = r.source().deleteFile();
      DeleteFileRecord current = now.get(dataFileId);
      Long planned = old == null ? null : old.deleteFileId();
      if (!live.contains(dataFileId)
          || !Objects.equals(planned, current == null ? null : current.deleteFileId())) {
        throw new QuacklakeException(
            ErrorKind.CONFLICT,
            "the deletes of data file "
                + dataFileId
                + " of table "
                + tableId
                + " changed while they were being flushed; run the flush again");
      }
      insertDelete(c, commit.nextFileId(), dataFileId, r.deletes(), r.maxSnapshot());
      InlinedWrites.removeFileDeletes(c, tableId, dataFileId, r.source().inlined().keySet());
      if (old != null) {
        FileWrites.removeDeleteFile(c, old.deleteFileId());
        commit
            .io()
            .pathUnderRoot(old.location(directory, "id " + tableId))
            .ifPresent(p -> FileWrites.scheduleForDeletion(c, old.deleteFileId(), p));
      }
      commit.deletedFrom(tableId);
    }
  }

  private void insertDelete(
      CatalogSession c, long deleteFileId, long dataFileId, Deletes d, Long partialMax) {
    FileWrites.insertDeleteFile(
        c,
        tableId,
        new DeleteFileRecord(
            deleteFileId,
            dataFileId,
            d.minSnapshot(),
            d.relativePath(),
            true,
            d.format(),
            d.count(),
            d.fileSizeBytes(),
            d.encryptionKey(),
            partialMax),
        d.footerSize(),
        d.rowGroupCount());
  }
}
