package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write given up — after a bad batch once row groups already reached the store, or because the
 * store failed while the file was started or published — leaves nothing in the directory: no file
 * under the final name and no hidden temporary file.
 */
class AbandonedWriteTest {
  @TempDir Path dir;

  private static final LakeColumn ID =
      new LakeColumn(1, "id", LakeType.of(TypeId.INT64), false, null, null, List.of());
  private static final ParquetWriteOptions SMALL_GROUPS =
      ParquetWriteOptions.defaults().withRowGroupRows(1000);

  @Test
  void dataFileAbortedAfterANotNullViolationLeavesNoFile() throws IOException {
    Location location = Location.of(dir.resolve("data.parquet").toString());
    ArrowParquetWriter w =
        ArrowParquetWriter.open(new LocalObjectStore(), location, List.of(ID), SMALL_GROUPS);
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot good = batch(allocator, 5000, -1);
        VectorSchemaRoot bad = batch(allocator, 100, 50)) {
      w.write(good);
      assertThat(filesUnder(dir)).as("row groups reached the disk").isNotEmpty();
      assertThatThrownBy(() -> w.write(bad))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("NOT NULL");
    }
    w.abort();
    assertThat(filesUnder(dir)).isEmpty();
  }

  @Test
  void deleteFileAbortedAfterABadPositionLeavesNoFile() throws IOException {
    Location location = Location.of(dir.resolve("delete.parquet").toString());
    PositionDeleteWriter w =
        PositionDeleteWriter.open(new LocalObjectStore(), location, SMALL_GROUPS, false);
    long[] positions = new long[5000];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    w.write("f.parquet", positions);
    assertThatThrownBy(() -> w.write("f.parquet", new long[] {1}))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("strictly increasing");
    w.abort();
    assertThat(filesUnder(dir)).isEmpty();
  }

  @Test
  void failureWhilePublishingLeavesNoFile() throws IOException {
    ObjectStore store = new BrokenStreams(new LocalObjectStore(), false);
    Location location = Location.of(dir.resolve("data.parquet").toString());
    ArrowParquetWriter w = ArrowParquetWriter.open(store, location, List.of(ID), SMALL_GROUPS);
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot good = batch(allocator, 5000, -1)) {
      w.write(good);
    }
    assertThatThrownBy(w::close).hasMessageContaining("injected failure on close");
    assertThat(filesUnder(dir)).isEmpty();
  }

  @Test
  void failureWhileStartingLeavesNoFile() throws IOException {
    ObjectStore store = new BrokenStreams(new LocalObjectStore(), true);
    Location location = Location.of(dir.resolve("data.parquet").toString());
    assertThatThrownBy(() -> ArrowParquetWriter.open(store, location, List.of(ID), SMALL_GROUPS))
        .hasMessageContaining("could not create Parquet file");
    assertThat(filesUnder(dir)).isEmpty();
  }

  /** {@code rows} ids, NULL at {@code nullAt} (none when negative), in a nullable vector. */
  private static VectorSchemaRoot batch(RootAllocator allocator, int rows, int nullAt) {
    Field field = Field.nullable("id", ArrowTypes.arrowType(ID.type()));
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(field)), allocator);
    BigIntVector v = (BigIntVector) root.getVector(0);
    v.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      if (i == nullAt) {
        v.setNull(i);
      } else {
        v.set(i, i * 7919L);
      }
    }
    root.setRowCount(rows);
    return root;
  }

  /** Every regular file below {@code root}, hidden ones included. */
  static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  /** Streams that fail on their first write, or on close, without touching the store's stream. */
  private record BrokenStreams(ObjectStore delegate, boolean failFirstWrite)
      implements ObjectStore {
    @Override
    public OutputStream newOutputFile(Location location) throws IOException {
      return new Broken(delegate.newOutputFile(location), failFirstWrite);
    }

    @Override
    public InputFile newInputFile(Location location, long knownLength) {
      return delegate.newInputFile(location, knownLength);
    }

    @Override
    public void delete(Location location) throws IOException {
      delegate.delete(location);
    }

    @Override
    public boolean exists(Location location) throws IOException {
      return delegate.exists(location);
    }

    @Override
    public List<FileEntry> list(Location prefix) throws IOException {
      return delegate.list(prefix);
    }
  }

  private static final class Broken extends FilterOutputStream implements Abortable {
    private final boolean failFirstWrite;

    Broken(OutputStream out, boolean failFirstWrite) {
      super(out);
      this.failFirstWrite = failFirstWrite;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failFirstWrite) {
        throw new IOException("injected failure on write");
      }
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      throw new IOException("injected failure on close");
    }

    @Override
    public void abort() {
      Abortable.abort(out);
    }
  }
}
