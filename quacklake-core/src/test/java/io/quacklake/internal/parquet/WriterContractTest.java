package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch validation, NOT NULL, abort and system columns. */
class WriterContractTest {
  @TempDir Path dir;

  private static final LakeColumn ID =
      new LakeColumn(1, "id", LakeType.of(TypeId.INT32), false, null, null, List.of());

  private ArrowParquetWriter open(Path file, List<LakeColumn> cols) {
    return ArrowParquetWriter.open(
        new LocalObjectStore(), Location.of(file.toString()), cols, ParquetWriteOptions.defaults());
  }

  @Test
  void batchWithWrongTypeNamesColumnAndTypes() {
    Path file = dir.resolve("wrong.parquet");
    ArrowParquetWriter w = open(file, List.of(ID));
    LakeColumn asText = LakeColumn.of(1, "id", LakeType.of(TypeId.VARCHAR));
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root =
            VectorSchemaRoot.create(ArrowTypes.schema(List.of(asText)), allocator)) {
      root.setRowCount(0);
      assertThatThrownBy(() -> w.write(root))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("'id'")
          .hasMessageContaining("Int(32, true)")
          .hasMessageContaining("Utf8")
          .extracting(e -> ((QuacklakeException) e).kind())
          .isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }
    w.abort();
    assertThat(file).doesNotExist();
  }

  @Test
  void nullInNotNullColumnIsRejected() {
    Path file = dir.resolve("nn.parquet");
    ArrowParquetWriter w = open(file, List.of(ID));
    Field nullable = Field.nullable("id", ArrowTypes.arrowType(ID.type()));
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(nullable)), allocator)) {
      root.allocateNew();
      WriterTestVectors.set(root.getVector(0), 0, 1);
      WriterTestVectors.set(root.getVector(0), 1, null);
      root.setRowCount(2);
      assertThatThrownBy(() -> w.write(root))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("NOT NULL");
    }
    w.abort();
    assertThat(file).doesNotExist();
  }

  @Test
  void systemColumnsCarryTheirReservedFieldIds() throws Exception {
    Path file = dir.resolve("sys.parquet");
    ArrowParquetWriter w =
        ArrowParquetWriter.open(
            new LocalObjectStore(),
            Location.of(file.toString()),
            List.of(ID),
            ParquetWriteOptions.defaults(),
            EnumSet.allOf(DuckLakeSystemColumn.class));
    List<LakeColumn> all =
        List.of(
            ID,
            LakeColumn.of(2147483540L, "_ducklake_internal_row_id", LakeType.of(TypeId.INT64)),
            LakeColumn.of(
                2147483539L, "_ducklake_internal_snapshot_id", LakeType.of(TypeId.INT64)));
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(all), allocator)) {
      root.allocateNew();
      for (int i = 0; i < 3; i++) {
        WriterTestVectors.set(root.getVector(0), i, i);
        WriterTestVectors.set(root.getVector(1), i, 100L + i);
        WriterTestVectors.set(root.getVector(2), i, 7L);
      }
      root.setRowCount(3);
      w.write(root);
    }
    WrittenFile f = w.close();
    assertThat(f.leafStats().get(2147483540L).max()).isEqualTo(102L);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      assertThat(
              WriterDeleteFileTest.rows(
                  st,
                  "SELECT name, field_id, repetition_type FROM parquet_schema('"
                      + file
                      + "') WHERE name <> 'duckdb_schema'"))
          .containsExactly(
              "id 1 REQUIRED",
              "_ducklake_internal_row_id 2147483540 REQUIRED",
              "_ducklake_internal_snapshot_id 2147483539 REQUIRED");
      assertThat(
              WriterDeleteFileTest.rows(
                  st, "SELECT sum(_ducklake_internal_row_id) FROM read_parquet('" + file + "')"))
          .containsExactly("303");
    }
  }

  @Test
  void emptyFileIsValid() throws Exception {
    Path file = dir.resolve("empty.parquet");
    WrittenFile f = open(file, List.of(ID)).close();
    assertThat(f.rowCount()).isZero();
    assertThat(f.rowGroupCount()).isZero();
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      assertThat(WriterDeleteFileTest.rows(st, "SELECT count(*) FROM read_parquet('" + file + "')"))
          .containsExactly("0");
    }
  }
}
