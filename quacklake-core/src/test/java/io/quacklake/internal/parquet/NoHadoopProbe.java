package io.quacklake.internal.parquet;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Runs inside a class loader without Hadoop (see {@link NoHadoopTest}). */
public final class NoHadoopProbe {
  private NoHadoopProbe() {}

  /** Reads every file fully; returns the total number of rows (and delete positions). */
  public static long run(List<String> dataFiles, String deleteFile) {
    List<LakeColumn> columns =
        List.of(
            Reads.col(1, "id", "int64"),
            Reads.col(2, "s", "varchar"),
            Reads.col(3, "l", "list", Reads.col(4, "element", "int32")));
    long total = 0;
    for (String f : dataFiles) {
      ParquetReadRequest request =
          ParquetReadRequest.of(DuckDb.input(Path.of(f)), columns)
              .withRowIdentity(0)
              .withRowGroupFilter((stats, rows) -> stats.stats(1).min() != null);
      total += Reads.readAll(request).rows().size();
      total += ParquetFooter.read(DuckDb.input(Path.of(f))).rowCount();
    }
    return total + PositionDeleteFile.read(DuckDb.input(Path.of(deleteFile)), 5).length;
  }

  /**
   * Writes a data file with every codec and a delete file, reads them back; returns the rows and
   * positions read.
   */
  public static long writeAndRead(String directory) {
    List<LakeColumn> columns = List.of(Reads.col(1, "id", "int64"), Reads.col(2, "s", "varchar"));
    long total = 0;
    try (RootAllocator allocator = new RootAllocator();
        LocalObjectStore store = new LocalObjectStore()) {
      for (ParquetCompression codec : ParquetCompression.values()) {
        Location location = Location.of(directory + "/written-" + codec + ".parquet");
        ArrowParquetWriter writer =
            ArrowParquetWriter.open(
                store, location, columns, ParquetWriteOptions.defaults().withCompression(codec));
        try (VectorSchemaRoot root =
            VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator)) {
          BigIntVector id = (BigIntVector) root.getVector(0);
          VarCharVector s = (VarCharVector) root.getVector(1);
          id.allocateNew(100);
          s.allocateNew();
          for (int i = 0; i < 100; i++) {
            id.set(i, i);
            s.setSafe(i, ("v" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
          id.setValueCount(100);
          s.setValueCount(100);
          root.setRowCount(100);
          writer.write(root);
        }
        WrittenFile written = writer.close();
        total +=
            Reads.readAll(
                    ParquetReadRequest.of(
                        store.newInputFile(location, written.fileSizeBytes()), columns))
                .rows()
                .size();
      }
      Location deletes = Location.of(directory + "/written-delete.parquet");
      PositionDeleteWriter d =
          PositionDeleteWriter.open(store, deletes, ParquetWriteOptions.defaults(), false);
      d.write("x.parquet", new long[] {1, 2, 3});
      WrittenFile written = d.close();
      total +=
          PositionDeleteFile.read(
                  store.newInputFile(deletes, written.fileSizeBytes()), Long.MAX_VALUE)
              .length;
    }
    return total;
  }
}
