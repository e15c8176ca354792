package io.quacklake.internal.txn;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.FileWrites;
import io.quacklake.internal.catalog.InlinedWrites;
import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.deletes.DeleteFiles;
import io.quacklake.internal.deletes.PuffinDeleteFile;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.parquet.PositionDeleteWriter;
import io.quacklake.internal.parquet.WrittenFile;
import io.quacklake.internal.parquet.crypto.FileEncryption;
import io.quacklake.storage.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Commits deletes of one table the way DuckDB does: a data file that loses every row is ended; a
 * file without a delete file that loses at most the inlining limit of rows in this commit records
 * them in the catalog's inlined-delete table; otherwise one cumulative delete file per data file
 * replaces the previous one (with the snapshot of every delete, so time travel still sees the old
 * state). Deleted inlined rows are ended.
 */
final class DeleteCommit {
  private final CatalogSession c;
  private final CommitIo io;
  private final long snapshot;
  private final CommitSummary summary;
  private final LongSupplier fileIds;
  private long droppedRecords;
  private long droppedBytes;

  DeleteCommit(
      CatalogSession c, CommitIo io, long snapshot, CommitSummary summary, LongSupplier fileIds) {
    this.c = c;
    this.io = io;
    this.snapshot = snapshot;
    this.summary = summary;
    this.fileIds = fileIds;
  }

  long droppedRecords() {
    return droppedRecords;
  }

  long droppedBytes() {
    return droppedBytes;
  }

  /** Applies the deletes; returns how many data files were dropped whole. */
  long apply(long tableId, TableChanges changes, Location tableDir) {
    long dropped = 0;
    for (Map.Entry<String, List<Long>> e : changes.inlinedDeletes.entrySet()) {
      InlinedWrites.end(c, e.getKey(), snapshot, e.getValue());
      summary.inlinedDelete.add(tableId);
    }
    if (changes.fileDeletes.isEmpty()) {
      return 0;
    }
    long latest = snapshot - 1;
    Map<Long, DataFileRecord> files = new TreeMap<>();
    for (DataFileRecord f : FileGateway.dataFiles(c, tableId, latest)) {
      files.put(f.dataFileId(), f);
    }
    Map<Long, DeleteFileRecord> deleteFiles = FileGateway.deleteFiles(c, tableId, latest);
    Map<Long, TreeMap<Long, Long>> inlined = InlinedWrites.fileDeletes(c, tableId, latest);
    for (Map.Entry<Long, TreeSet<Long>> e : changes.fileDeletes.entrySet()) {
      DataFileRecord file = files.get(e.getKey());
      if (file == null) {
        throw new QuacklakeException(
            ErrorKind.CONFLICT,
            "data file "
                + e.getKey()
                + " of table "
                + tableId
                + " was removed by a concurrent commit; retry the transaction");
      }
      TreeMap<Long, Long> all = new TreeMap<>();
      DeleteFileRecord old = deleteFiles.get(file.dataFileId());
      Location dataLocation = file.location(tableDir, "id " + tableId);
      if (old != null) {
        PositionDeleteFile.Deletes d =
            DeleteFiles.readAll(
                FileEncryption.open(
                    io.store(),
                    old.location(tableDir, "id " + tableId),
                    old.fileSizeBytes(),
                    old.encryptionKey()),
                old.format(),
                old.beginSnapshot());
        for (int i = 0; i < d.positions().length; i++) {
          all.put(d.positions()[i], d.snapshots()[i]);
        }
      }
      TreeMap<Long, Long> inlinedOld = inlined.getOrDefault(file.dataFileId(), new TreeMap<>());
      boolean hadDeletes = !all.isEmpty() || !inlinedOld.isEmpty();
      long[] fresh =
          e.getValue().stream()
              .filter(p -> !all.containsKey(p) && !inlinedOld.containsKey(p))
              .mapToLong(Long::longValue)
              .toArray();
      for (long p : fresh) {
        all.put(p, snapshot);
      }
      if (fresh.length == 0) {
        continue;
      }
      // DuckDB's order: a first delete of every row drops the file; a few positions are inlined
      // (even next to a delete file); otherwise the delete file — the previous one's positions
      // and the new ones, never the catalog-recorded deletes, which stay where they are — or a
      // drop when the delete file would hold every row.
      boolean dropWhole = !hadDeletes && fresh.length >= file.recordCount();
      int limit = io.inliningLimit(tableId);
      if (!dropWhole && limit > 0 && fresh.length <= limit) {
        InlinedWrites.insertFileDeletes(c, tableId, file.dataFileId(), snapshot, fresh);
        summary.inlinedDelete.add(tableId);
      } else if (dropWhole || all.size() >= file.recordCount()) {
        FileWrites.endDataFile(c, file.dataFileId(), snapshot);
        summary.deletedDataFiles.put(file.dataFileId(), tableId);
        droppedRecords += file.recordCount();
        droppedBytes += file.fileSizeBytes();
        summary.deletedFrom.add(tableId);
        dropped++;
      } else {
        writeDeleteFile(tableId, tableDir, file, dataLocation, all, old != null, old);
        summary.deletedDataFiles.put(file.dataFileId(), tableId);
        summary.deletedFrom.add(tableId);
      }
    }
    return dropped;
  }

  private void writeDeleteFile(
      long tableId,
      Location tableDir,
      DataFileRecord file,
      Location dataLocation,
      TreeMap<Long, Long> all,
      boolean partial,
      DeleteFileRecord old) {
    boolean puffin = io.writeDeletionVectors(tableId);
    String name = "ducklake-" + UuidV7.next() + "-delete." + (puffin ? "puffin" : "parquet");
    Location location = tableDir.resolve(name);
    long[] positions = all.keySet().stream().mapToLong(Long::longValue).toArray();
    long[] snapshots = all.values().stream().mapToLong(Long::longValue).toArray();
    io.wrote(location);
    long size;
    long footer;
    Integer rowGroups;
    String key = null;
    if (puffin) {
      PuffinDeleteFile.Written written =
          PuffinDeleteFile.write(
              io.store(), location, dataLocation.value(), positions, snapshots, partial);
      size = written.fileSizeBytes();
      footer = written.footerSize();
      rowGroups = null;
    } else {
      WrittenFile written =
          writeParquet(tableId, location, dataLocation, positions, snapshots, partial);
      size = written.fileSizeBytes();
      footer = written.footerSize();
      rowGroups = written.rowGroupCount();
      key = written.encryptionKey();
    }
    long begin =
        partial
            ? all.values().stream().mapToLong(Long::longValue).min().orElse(snapshot)
            : snapshot;
    FileWrites.insertDeleteFile(
        c,
        tableId,
        new DeleteFileRecord(
            fileIds.getAsLong(),
            file.dataFileId(),
            begin,
            name,
            true,
            puffin ? "puffin" : "parquet",
            positions.length,
            size,
            key,
            partial ? snapshot : null),
        footer,
        rowGroups);
    if (old != null) {
      FileWrites.removeDeleteFile(c, old.deleteFileId());
      Optional<String> scheduled = io.pathUnderRoot(old.location(tableDir, "id " + tableId));
      if (scheduled.isPresent()) {
        FileWrites.scheduleForDeletion(c, old.deleteFileId(), scheduled.get());
      }
    }
  }

  private WrittenFile writeParquet(
      long tableId,
      Location location,
      Location dataLocation,
      long[] positions,
      long[] snapshots,
      boolean partial) {
    PositionDeleteWriter writer =
        PositionDeleteWriter.open(io.store(), location, io.parquetOptions(tableId), partial);
    try {
      if (partial) {
        writer.write(dataLocation.value(), positions, snapshots);
      } else {
        writer.write(dataLocation.value(), positions);
      }
      return writer.close();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
  }
}
