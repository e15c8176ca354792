package io.quacklake.cli;

import io.quacklake.ScanReader;
import java.io.IOException;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The batches of a scan, cut off after a number of rows. */
final class LimitedBatches {
  private final ScanReader reader;
  private long remaining;
  private Progress progress = Progress.start("", "", false);

  LimitedBatches(ScanReader reader, long limit) {
    this.reader = reader;
    this.remaining = limit;
  }

  /** Counts the rows handed out on {@code progress}. */
  LimitedBatches counting(Progress progress) {
    this.progress = progress;
    return this;
  }

  VectorSchemaRoot root() throws IOException {
    return reader.getVectorSchemaRoot();
  }

  /** Loads the next non-empty batch, truncated to the limit; false at the end. */
  boolean next() throws IOException {
    while (remaining > 0 && reader.loadNextBatch()) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      int rows = root.getRowCount();
      if (rows == 0) {
        continue;
      }
      if (rows > remaining) {
        root.setRowCount((int) remaining);
      }
      remaining -= root.getRowCount();
      progress.step(root.getRowCount());
      return true;
    }
    return false;
  }
}
