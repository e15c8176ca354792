package io.quacklake.internal.lake;

import io.quacklake.PartitionField;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.internal.write.PartitionKey;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Data files of a transaction written elsewhere: what a worker needs to write them (a {@link
 * Plan}), and adding what the workers wrote to the transaction's changes, so that the commit
 * publishes them as its own appends (and a failed commit deletes them).
 */
public final class RemoteWrites {
  private final LakeContext lake;
  private final TransactionState state;
  private final TransactionTables tables;
  private final TransactionWrites writes;

  /** The table id in plans for a table the transaction creates (ids are never negative). */
  public static final long CREATED = -1;

  public RemoteWrites(
      LakeContext lake,
      TransactionState state,
      TransactionTables tables,
      TransactionWrites writes) {
    this.lake = lake;
    this.state = state;
    this.tables = tables;
    this.writes = writes;
  }

  /**
   * What workers need to write a table's files.
   *
   * @param tableId the table
   * @param columns its columns, with ids
   * @param partitioning its partition keys
   * @param directory its directory
   * @param dataRoot the lake's data path
   * @param options the lake's Parquet settings
   * @param targetFileSize when a file is rolled over
   */
  public record Plan(
      long tableId,
      List<LakeColumn> columns,
      List<PartitionField> partitioning,
      Location directory,
      Location dataRoot,
      ParquetWriteOptions options,
      long targetFileSize) {}

  /**
   * The plan of a write to {@code name}; a table this transaction creates gets the id {@link
   * #CREATED} (the commit assigns its real one), so its files can be added before the commit that
   * creates it.
   *
   * @throws QuacklakeException NOT_FOUND for a missing table; UNSUPPORTED for a table altered in
   *     this transaction (commit that first)
   */
  public Plan plan(TableName name) {
    TransactionTables.Target t = tables.target(name);
    List<PartitionField> fields = new ArrayList<>();
    for (PartitionKey k : t.partitionKeys()) {
      fields.add(new PartitionField(k.column().name(), k.transform()));
    }
    WriteSettings settings = writes.settings(t.schemaId(), t.tableId());
    settings.refuseEncrypted("files written by remote tasks (Spark, Flight)");
    return new Plan(
        t.resolved() == null ? CREATED : t.resolved().table().tableId(),
        t.columns(),
        fields,
        t.directory(),
        lake.paths().root(),
        settings.parquetOptions(),
        settings.targetFileSize());
  }

  /**
   * Deletes the files under {@code directory} whose names carry {@code writeId} and drops them from
   * the transaction's changes.
   *
   * @return how many were deleted
   */
  public int discard(Location directory, String writeId) {
    String suffix = "-" + writeId + ".parquet";
    List<Location> found = new ArrayList<>();
    try {
      for (io.quacklake.storage.FileEntry f : lake.store().list(directory)) {
        if (f.location().value().endsWith(suffix)) {
          found.add(f.location());
        }
      }
    } catch (java.io.IOException e) {
      throw new QuacklakeException(
          io.quacklake.exceptions.ErrorKind.UNAVAILABLE,
          "cannot list " + directory + " to discard a write: " + e.getMessage(),
          e);
    }
    java.util.Set<String> gone = new java.util.HashSet<>();
    found.forEach(l -> gone.add(l.value()));
    state.forgetFiles(gone);
    lake.removeFiles(found);
    return found.size();
  }

  /**
   * Adds files written for a plan of table {@code name}.
   *
   * @param tableIds the table each file was planned for
   * @param writtenAt when each file's writer started
   * @throws QuacklakeException INVALID_ARGUMENT for a file planned for another table
   */
  public void add(
      TableName name, List<PendingDataFile> files, List<Long> tableIds, List<Instant> writtenAt) {
    TransactionTables.Target t = tables.target(name);
    long tableId = t.resolved() == null ? CREATED : t.resolved().table().tableId();
    for (int i = 0; i < files.size(); i++) {
      if (tableIds.get(i) != tableId) {
        throw QuacklakeException.invalid(
            "%s was written for table id %d, not for %s (id %d); plan the write with this"
                + " transaction's planWrite(\"%s\")",
            files.get(i).file().location(), tableIds.get(i), name, tableId, name);
      }
      Location location = files.get(i).file().location();
      if (!location.value().startsWith(t.directory().value())) {
        throw QuacklakeException.invalid(
            "%s is not in the directory of table %s (%s): a planned write only adds files it"
                + " wrote there",
            location, name, t.directory());
      }
    }
    for (int i = 0; i < files.size(); i++) {
      t.changes().addFile(files.get(i));
      state.wrote(files.get(i).file().location(), writtenAt.get(i));
    }
  }
}
