package io.quacklake.write;

import io.quacklake.catalog.UuidV7;
import io.quacklake.parquet.ArrowParquetWriter;
import io.quacklake.parquet.DuckLakeSystemColumn;
import io.quacklake.parquet.ParquetWriteOptions;
import io.quacklake.parquet.WrittenFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes aligned batches as new DuckLake data files named {@code ducklake-<uuidv7>.parquet}. */
public final class DataFileWriter {
  private DataFileWriter() {}

  /**
   * Writes one file in the table directory.
   *
   * @param batch columns in the table's layout, followed by a {@code _ducklake_internal_row_id}
   *     vector when {@code embeddedRowIds}
   */
  public static PendingDataFile write(
      ObjectStore store,
      Location tableDir,
      List<LakeColumn> columns,
      VectorSchemaRoot batch,
      boolean embeddedRowIds,
      ParquetWriteOptions options) {
    String name = "ducklake-" + UuidV7.next() + ".parquet";
    Set<DuckLakeSystemColumn> system =
        embeddedRowIds ? Set.of(DuckLakeSystemColumn.ROW_ID) : Set.of();
    ArrowParquetWriter writer =
        ArrowParquetWriter.open(store, tableDir.resolve(name), columns, options, system);
    try {
      writer.write(batch);
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    WrittenFile written = writer.close();
    long first = 0;
    if (embeddedRowIds) {
      org.apache.arrow.vector.BigIntVector ids =
          (org.apache.arrow.vector.BigIntVector) batch.getVector(columns.size());
      first = Long.MAX_VALUE;
      for (int i = 0; i < batch.getRowCount(); i++) {
        first = Math.min(first, ids.get(i));
      }
    }
    return new PendingDataFile(name, written, embeddedRowIds, first);
  }
}
