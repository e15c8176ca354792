package io.quacklake.internal.changes;

import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.parquet.NameMapping;
import io.quacklake.internal.parquet.ParquetBatchReader;
import io.quacklake.internal.parquet.ParquetReadRequest;
import io.quacklake.internal.scan.FileTask;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Every row of one data file, deleted or not, with its position, row id (embedded, else the file's
 * first row id plus the position), the snapshot embedded with it in a partial file (null in other
 * files) and its values as the given columns (files of older schemas get each missing column's
 * initial default).
 */
record FileRows(long[] positions, long[] rowIds, Long[] snapshots, List<Object[]> values) {
  private static final LakeColumn SNAPSHOT =
      new LakeColumn(
          ParquetReadRequest.SNAPSHOT_ID_FIELD_ID,
          "_ducklake_internal_snapshot_id",
          LakeType.of(TypeId.INT64),
          true,
          null,
          null,
          List.of());

  static FileRows read(
      ObjectStore store,
      BufferAllocator allocator,
      DataFileRecord file,
      Location location,
      NameMapping mapping,
      List<LakeColumn> columns) {
    FileTask task = new FileTask(file, location, null, null, new long[0], mapping);
    List<LakeColumn> requested = new ArrayList<>(task.columns(columns));
    requested.add(SNAPSHOT);
    ParquetReadRequest request =
        new ParquetReadRequest(
            store.newInputFile(location, file.fileSizeBytes()),
            requested,
            null,
            new long[0],
            Long.MAX_VALUE,
            true,
            file.rowIdStart() == null ? 0 : file.rowIdStart(),
            ParquetReadRequest.DEFAULT_BATCH_SIZE,
            null,
            null,
            mapping);
    int n = (int) file.recordCount();
    long[] positions = new long[n];
    long[] rowIds = new long[n];
    Long[] snapshots = new Long[n];
    List<Object[]> values = new ArrayList<>(n);
    int at = 0;
    try (ParquetBatchReader reader = ParquetBatchReader.open(request, allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.root();
        List<FieldVector> vectors = root.getFieldVectors();
        BigIntVector snapshot = (BigIntVector) vectors.get(columns.size());
        BigIntVector position = (BigIntVector) root.getVector(ParquetReadRequest.FILE_POSITION);
        BigIntVector rowId = (BigIntVector) root.getVector(ParquetReadRequest.ROW_ID);
        for (int r = 0; r < root.getRowCount(); r++, at++) {
          if (at == positions.length) {
            positions = java.util.Arrays.copyOf(positions, at * 2 + 1);
            rowIds = java.util.Arrays.copyOf(rowIds, at * 2 + 1);
            snapshots = java.util.Arrays.copyOf(snapshots, at * 2 + 1);
          }
          positions[at] = position.get(r);
          rowIds[at] = rowId.get(r);
          snapshots[at] = snapshot.isNull(r) ? null : snapshot.get(r);
          Object[] row = new Object[columns.size()];
          for (int c = 0; c < row.length; c++) {
            FieldVector v = vectors.get(c);
            row[c] = v.isNull(r) ? null : ArrowValues.get(v, r);
          }
          values.add(row);
        }
      }
    }
    return new FileRows(
        java.util.Arrays.copyOf(positions, at),
        java.util.Arrays.copyOf(rowIds, at),
        java.util.Arrays.copyOf(snapshots, at),
        values);
  }

  /** The index of the row at {@code position} (rows are read in position order), or -1. */
  int indexOf(long position) {
    int i = java.util.Arrays.binarySearch(positions, position);
    return i < 0 ? -1 : i;
  }
}
