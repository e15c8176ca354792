package io.quacklake.internal.maintenance;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.FileWrites;
import io.quacklake.internal.catalog.InlinedWrites;
import io.quacklake.internal.catalog.MaintenanceGateway;
import io.quacklake.internal.txn.MaintenanceCommit;
import io.quacklake.internal.txn.MaintenanceStep;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalog side of one compaction group, as DuckDB writes it. A merge removes the source files'
 * rows entirely and schedules the files for deletion; the merged file begins where the first source
 * began and keeps every row's snapshot ({@code partial_max}). A rewrite ends the source files and
 * their delete files at the commit's snapshot, where the new file begins. Before either, under the
 * catalog's write lock, the sources must still be live with exactly the deletes the plan saw;
 * otherwise the step is a conflict and nothing is written.
 */
final class CompactionStep implements MaintenanceStep {
  private final CompactionGroup group;
  private final List<CompactedFile> written;
  private final boolean merge;
  private final boolean rowIdsWritten;

  CompactionStep(
      CompactionGroup group, List<CompactedFile> written, boolean merge, boolean rowIdsWritten) {
    this.group = group;
    this.written = written;
    this.merge = merge;
    this.rowIdsWritten = rowIdsWritten;
  }

  @Override
  public Kind kind() {
    return merge ? Kind.MERGE_ADJACENT : Kind.REWRITE_DELETES;
  }

  @Override
  public long tableId() {
    return group.tableId();
  }

  @Override
  public void apply(MaintenanceCommit commit) {
    CatalogSession c = commit.session();
    long latest = commit.snapshot() - 1;
    requireUnchanged(c, latest);
    List<Long> ids = group.sources().stream().map(s -> s.file().dataFileId()).toList();
    if (merge) {
      MaintenanceGateway.removeDataFiles(c, ids);
      for (SourceFile s : group.sources()) {
        Optional<String> path = commit.io().pathUnderRoot(s.location());
        path.ifPresent(p -> FileWrites.scheduleForDeletion(c, s.file().dataFileId(), p));
      }
    } else {
      ids.forEach(id -> FileWrites.endDataFile(c, id, commit.snapshot()));
    }
    SourceFile first = group.sources().get(0);
    long begin = merge ? first.file().beginSnapshot() : commit.snapshot();
    Long partialMax = null;
    if (merge && group.sources().size() > 1) {
      partialMax =
          group.sources().stream()
              .mapToLong(
                  s ->
                      s.file().partialMax() == null
                          ? s.file().beginSnapshot()
                          : s.file().partialMax())
              .max()
              .getAsLong();
    }
    long offset = 0;
    for (CompactedFile f : written) {
      long fileId = commit.nextFileId();
      Long rowIdStart =
          rowIdsWritten || first.file().rowIdStart() == null
              ? null
              : first.file().rowIdStart() + offset;
      DataFileRows.insert(
          c,
          group.tableId(),
          new DataFileRecord(
              fileId,
              begin,
              f.relativePath(),
              true,
              "parquet",
              f.file().rowCount(),
              f.file().fileSizeBytes(),
              f.file().footerSize(),
              rowIdStart,
              group.partitionId(),
              f.file().encryptionKey(),
              null,
              partialMax),
          group.columns(),
          f.file(),
          group.partitionValues());
      offset += f.file().rowCount();
    }
    if (!merge) {
      TableStatsRecompute.afterRewrite(c, group.tableId(), commit.snapshot(), group.columns());
    }
  }

  private void requireUnchanged(CatalogSession c, long latest) {
    Map<Long, DataFileRecord> live = new TreeMap<>();
    FileGateway.dataFiles(c, group.tableId(), latest).forEach(f -> live.put(f.dataFileId(), f));
    Map<Long, DeleteFileRecord> deletes = FileGateway.deleteFiles(c, group.tableId(), latest);
    Map<Long, TreeMap<Long, Long>> inlined = InlinedWrites.fileDeletes(c, group.tableId(), latest);
    for (SourceFile s : group.sources()) {
      long id = s.file().dataFileId();
      DeleteFileRecord now = deletes.get(id);
      Long planned = s.deleteFile() == null ? null : s.deleteFile().deleteFileId();
      boolean same =
          live.containsKey(id)
              && Objects.equals(planned, now == null ? null : now.deleteFileId())
              && inlined.getOrDefault(id, new TreeMap<>()).size() == s.inlinedDeletes().size();
      if (!same) {
        throw new QuacklakeException(
            ErrorKind.CONFLICT,
            "data file "
                + id
                + " of table "
                + group.tableId()
                + " changed while it was being compacted; run the maintenance again");
      }
    }
  }
}
