package io.quacklake.spark.write;

import io.quacklake.RowLocations;
import io.quacklake.TaskWriter;
import io.quacklake.WriteTask;
import io.quacklake.storage.StorageSettings;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DeltaWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * One Spark task's part of {@code DELETE}, {@code UPDATE} or {@code MERGE}: deleted rows are
 * remembered by location, new versions of updated rows are written keeping their row ids, inserted
 * rows are written as new rows; the driver commits them all at once.
 */
final class SparkDeltaWriter implements DeltaWriter<InternalRow> {
  private final TaskWriter writer;
  private final RowBuffer inserts;
  private final RowBuffer versions;
  private final RowLocations deleted = new RowLocations();
  private final DeltaLayout layout;
  private final BufferAllocator allocator = new RootAllocator();

  SparkDeltaWriter(WriteTask task, StorageSettings storage, DeltaLayout layout) {
    this.writer = task.open(storage);
    this.layout = layout;
    this.inserts = new RowBuffer(task.columns(), layout.ordinals());
    this.versions = new RowBuffer(task.columns(), layout.ordinals());
  }

  @Override
  public void delete(InternalRow metadata, InternalRow id) {
    int file = layout.fileIdOrdinal();
    int position = layout.positionOrdinal();
    deleted.add(
        id.getLong(0),
        metadata.isNullAt(file) ? null : metadata.getLong(file),
        metadata.isNullAt(position) ? -1 : metadata.getLong(position));
  }

  @Override
  public void update(InternalRow metadata, InternalRow id, InternalRow row) {
    delete(metadata, id);
    versions.add(row, id.getLong(0));
    if (versions.full()) {
      flushVersions();
    }
  }

  @Override
  public void insert(InternalRow row) {
    inserts.add(row);
    if (inserts.full()) {
      flushInserts();
    }
  }

  private void flushVersions() {
    versions.drainTo(allocator, writer::writeRowVersions);
  }

  private void flushInserts() {
    inserts.drainTo(allocator, writer::write);
  }

  @Override
  public WriterCommitMessage commit() {
    flushVersions();
    flushInserts();
    return new RowsChanged(deleted, writer.finish());
  }

  @Override
  public void abort() {
    writer.abort();
  }

  @Override
  public void close() {
    try {
      writer.close();
    } finally {
      allocator.close();
    }
  }
}
