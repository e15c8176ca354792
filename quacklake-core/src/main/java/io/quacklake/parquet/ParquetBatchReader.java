package io.quacklake.parquet;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Placeholder until the parquet package lands. */
public final class ParquetBatchReader implements AutoCloseable {
  public static ParquetBatchReader open(ParquetReadRequest request, BufferAllocator allocator) {
    throw new UnsupportedOperationException("TODO");
  }

  public boolean loadNextBatch() {
    throw new UnsupportedOperationException("TODO");
  }

  public VectorSchemaRoot root() {
    throw new UnsupportedOperationException("TODO");
  }

  public ParquetReadMetrics metrics() {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void close() {}
}
