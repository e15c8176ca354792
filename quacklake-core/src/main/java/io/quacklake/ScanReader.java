package io.quacklake;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Streams the result of a table scan as Arrow batches. Close it to release files, threads and
 * memory. Each field carries its DuckLake column id and type in its metadata.
 */
public abstract class ScanReader extends ArrowReader {
  protected ScanReader(BufferAllocator allocator) {
    super(allocator);
  }

  /** What the scan has done so far (complete once every batch was loaded). */
  public abstract ScanMetrics metrics();
}
