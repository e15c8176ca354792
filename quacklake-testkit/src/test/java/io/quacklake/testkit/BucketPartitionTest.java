package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.internal.write.BucketHash;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bucket(N)} partitioning: one file per bucket under {@code bucket=<n>/}, the bucket number
 * as the file's partition value and the transform stored as DuckDB stores it.
 */
class BucketPartitionTest {
  @TempDir Path temp;

  @Test
  void appendWritesOneFilePerBucketWithDuckDbValues() throws Exception {
    String location = TestCatalogs.location("sqlite", temp);
    LakeColumn id = LakeColumn.of(0, "id", LakeType.of(TypeId.INT64));
    LakeColumn name = LakeColumn.of(0, "name", LakeType.of(TypeId.VARCHAR));
    try (Lake lake = Lake.create(location, temp.resolve("data").toString())) {
      try (Transaction tx = lake.begin()) {
        tx.createTable("t", List.of(id, name), List.of(PartitionField.bucket(4, "name")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = 0; i < 1000; i++) {
          rows.add(Map.of("id", i, "name", "user-" + (i % 37)));
        }
        tx.insert("t", rows);
        tx.commit();
      }
      assertThat(lake.table("t").partitioning(lake.currentSnapshot().id()))
          .containsExactly(new PartitionField("name", "bucket(4)"));
      Map<Long, String> read = new TreeMap<>();
      try (RowIterator it = lake.table("t").scan().rows()) {
        it.forEachRemaining(r -> read.put((Long) r.get("id"), (String) r.get("name")));
      }
      assertThat(read).hasSize(1000).containsEntry(999L, "user-" + (999 % 37));
      assertThat(lake.table("t").scan().filter("name = 'user-5'").count()).isEqualTo(27);
    }
    LakeColumn nameColumn = LakeColumn.of(2, "name", LakeType.of(TypeId.VARCHAR));
    Map<String, Long> expectedRowsPerBucket = new HashMap<>();
    for (long i = 0; i < 1000; i++) {
      String bucket = Integer.toString(BucketHash.bucket("user-" + (i % 37), nameColumn, 4));
      expectedRowsPerBucket.merge(bucket, 1L, Long::sum);
    }
    Map<String, Long> rowsPerBucket = new HashMap<>();
    try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(location));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT v.partition_value, f.path, f.record_count, p.transform"
                        + " FROM ducklake_data_file f"
                        + " JOIN ducklake_file_partition_value v USING (data_file_id)"
                        + " JOIN ducklake_partition_column p"
                        + "   ON p.partition_id = f.partition_id"
                        + "  AND p.partition_key_index = v.partition_key_index")) {
      while (rs.next()) {
        String bucket = rs.getString(1);
        assertThat(rs.getString(2)).startsWith("bucket=" + bucket + "/");
        assertThat(rs.getString(4)).isEqualTo("bucket(4)");
        assertThat(rowsPerBucket.put(bucket, rs.getLong(3))).isNull();
      }
    }
    assertThat(rowsPerBucket).isEqualTo(expectedRowsPerBucket);
  }
}
