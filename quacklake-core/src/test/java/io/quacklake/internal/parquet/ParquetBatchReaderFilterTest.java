package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.internal.expr.ColumnStats;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetBatchReaderFilterTest {
  private static final int ROWS = 10_000;
  private static final LakeColumn ID = col(1, "id", "int64");
  private static final LakeColumn S = col(2, "s", "varchar");
  private static final LakeColumn SNAPSHOT =
      col(2147483539, "_ducklake_internal_snapshot_id", "int64");
  private static final LakeColumn ROW_ID = col(2147483540, "_ducklake_internal_row_id", "int64");

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeFile() throws Exception {
    file = dir.resolve("data.parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy(
          "SELECT i::BIGINT AS id, 'v' || i AS s, (i % 5 + 1)::BIGINT AS"
              + " _ducklake_internal_snapshot_id, (i + 100000)::BIGINT AS _ducklake_internal_row_id"
              + " FROM range("
              + ROWS
              + ") t(i)",
          List.of(ID, S, SNAPSHOT, ROW_ID),
          file,
          "ROW_GROUP_SIZE 2048");
    }
  }

  private ParquetReadRequest request(LakeColumn... columns) {
    return ParquetReadRequest.of(DuckDb.input(file), List.of(columns)).withBatchSize(1000);
  }

  @Test
  void rowGroupFilterSkipsGroupsWithoutReadingThem() {
    List<ColumnStats> seen = new ArrayList<>();
    RowGroupFilter filter =
        (stats, rows) -> {
          ColumnStats id = stats.stats(ID.id());
          seen.add(id);
          assertThat(stats.stats(12345)).isEqualTo(ColumnStats.UNKNOWN);
          return (Long) id.max() >= 7000;
        };
    Reads.Result result = Reads.readAll(request(ID).withRowGroupFilter(filter));

    ParquetReadMetrics m = result.metrics();
    assertThat(m.rowGroupsSkipped()).isPositive();
    assertThat(m.rowGroupsRead() + m.rowGroupsSkipped()).isEqualTo(m.rowGroupsTotal());
    assertThat(seen).hasSize(m.rowGroupsTotal());
    long first = (Long) result.rows().get(0).get(0);
    assertThat(first).isLessThanOrEqualTo(7000);
    assertThat(result.rows())
        .extracting(r -> r.get(0))
        .containsExactlyElementsOf(range(first, ROWS));
    assertThat(seen.get(0).min()).isEqualTo(0L);
    assertThat(seen.get(0).nullCount()).isZero();
    assertThat(seen.get(0).valueCount()).isEqualTo((Long) seen.get(1).min());
    assertThat(m.rowsRead()).isEqualTo(ROWS - first);
  }

  @Test
  void deletedPositionsAreDroppedAndIdentityColumnsFollowPositions() {
    long[] deleted = {0, 5, 999, 1000, 2047, 2048, 9999};
    Reads.Result result =
        Reads.readAll(request(ID, S).withDeletedPositions(deleted).withRowIdentity(0));

    assertThat(result.rows()).hasSize(ROWS - deleted.length);
    assertThat(result.metrics().rowsDeleted()).isEqualTo(deleted.length);
    for (List<Object> row : result.rows()) {
      long id = (Long) row.get(0);
      assertThat(row.get(1)).isEqualTo("v" + id);
      assertThat(row.get(2)).as("file position").isEqualTo(id);
      assertThat(row.get(3)).as("embedded row id").isEqualTo(id + 100000);
      assertThat(deleted).doesNotContain(id);
    }
    assertThat(result.schema().getFields().get(2).getName()).isEqualTo("_ducklake_file_position");
    assertThat(result.schema().getFields().get(3).getName()).isEqualTo("_ducklake_row_id");
  }

  @Test
  void rowIdsStartAtRowIdStartWhenTheFileHasNone() throws Exception {
    Path plain = dir.resolve("plain.parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy("SELECT i::BIGINT AS id FROM range(100) t(i)", List.of(ID), plain, "");
    }
    Reads.Result result =
        Reads.readAll(
            ParquetReadRequest.of(DuckDb.input(plain), List.of(ID))
                .withDeletedPositions(new long[] {3})
                .withRowIdentity(5000));
    assertThat(result.rows()).hasSize(99);
    assertThat(result.rows().get(3)).containsExactly(4L, 4L, 5004L, null);
  }

  @Test
  void rowGroupWhoseRowsAreAllDeletedIsNotRead() {
    long[] firstGroup = LongStream.range(0, 2048).toArray();
    Reads.Result result = Reads.readAll(request(ID).withDeletedPositions(firstGroup));
    assertThat(result.metrics().rowGroupsSkipped()).isEqualTo(1);
    assertThat(result.metrics().rowsDeleted()).isEqualTo(2048);
    assertThat(result.rows().get(0)).containsExactly(2048L);
    assertThat(result.rows()).hasSize(ROWS - 2048);
  }

  @Test
  void snapshotFilterKeepsRowsWrittenUpToTheSnapshot() {
    Reads.Result result =
        Reads.readAll(request(ID).withMaxSnapshot(3).withDeletedPositions(new long[] {1}));
    assertThat(result.rows())
        .extracting(r -> r.get(0))
        .containsExactlyElementsOf(
            LongStream.range(0, ROWS).filter(i -> i % 5 + 1 <= 3 && i != 1).boxed().toList());
    assertThat(result.metrics().rowsDeleted()).isEqualTo(ROWS - result.rows().size());
  }

  @Test
  void emptyProjectionStillCountsRows() {
    Reads.Result result =
        Reads.readAll(request().withDeletedPositions(new long[] {7}).withRowIdentity(0));
    assertThat(result.rows()).hasSize(ROWS - 1);
    assertThat(result.rows().get(7))
        .as("position, row id, and the snapshot the file records for the row")
        .containsExactly(8L, 100008L, 8L % 5 + 1);
  }

  @Test
  void missingColumnsReadAsNull() {
    LakeColumn added = Reads.withDefault(col(77, "added", "int32"), "NULL");
    LakeColumn addedStruct = col(78, "st", "struct", col(79, "a", "varchar"));
    Reads.Result result = Reads.readAll(request(ID, added, addedStruct));
    assertThat(result.rows()).hasSize(ROWS);
    assertThat(result.rows()).allSatisfy(r -> assertThat(r.subList(1, 3)).containsOnlyNulls());
    RowGroupFilter filter =
        (stats, rows) -> {
          assertThat(stats.stats(77)).isEqualTo(new ColumnStats(null, null, rows, 0L, null));
          return true;
        };
    Reads.readAll(request(added).withRowGroupFilter(filter));
  }

  @Test
  void closingMidwayReleasesEveryBuffer() {
    try (RootAllocator allocator = new RootAllocator();
        ParquetBatchReader reader =
            ParquetBatchReader.open(
                request(ID, S).withDeletedPositions(new long[] {2}), allocator)) {
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(reader.root().getRowCount()).isEqualTo(999);
    }
  }

  private static List<Object> range(long from, long to) {
    return LongStream.range(from, to).boxed().map(Object.class::cast).toList();
  }
}
