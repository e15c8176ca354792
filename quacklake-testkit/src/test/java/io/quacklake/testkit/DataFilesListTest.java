package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.DataFileInfo;
import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code TableScan.files()} lists what DuckDB's {@code ducklake_list_files} lists. */
class DataFilesListTest {
  @TempDir Path temp;

  private static String name(String path) {
    return path == null ? null : Path.of(path.replace("file://", "")).getFileName().toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void filesAreDuckDbsList(String kind) throws Exception {
    DuckDbPeer peer =
        kind.equals("postgres") ? DuckDbPeer.require().withPostgres() : DuckDbPeer.require();
    String catalog = TestCatalogs.location(kind, temp);
    String data = temp.resolve("data") + "/";
    Map<String, List<Object>> ours = new TreeMap<>();
    try (Lake lake = Lake.create(catalog, data)) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
      for (int f = 0; f < 3; f++) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
          rows.add(Map.of("id", (long) (f * 10_000 + i)));
        }
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows);
          tx.commit();
        }
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id >= 10000 AND id < 11500");
        tx.commit();
      }
      List<DataFileInfo> files = lake.table("t").scan().files();
      assertThat(files).hasSize(3);
      assertThat(files)
          .filteredOn(f -> f.deletedRows() > 0)
          .singleElement()
          .satisfies(f -> assertThat(f.deletedRows()).isEqualTo(1500));
      for (DataFileInfo f : files) {
        ours.put(
            name(f.dataFile()), java.util.Arrays.asList(f.fileSizeBytes(), name(f.deleteFile())));
      }
    }
    List<Map<String, Object>> theirs =
        peer.query(
            temp,
            peer.attach(catalog, null, "l", true)
                + "; SELECT data_file, data_file_size_bytes, delete_file FROM"
                + " ducklake_list_files('l', 't')");
    Map<String, List<Object>> duck = new TreeMap<>();
    for (Map<String, Object> r : theirs) {
      duck.put(
          name((String) r.get("data_file")),
          java.util.Arrays.asList(
              Long.parseLong(String.valueOf(r.get("data_file_size_bytes"))),
              name((String) r.get("delete_file"))));
    }
    assertThat(ours).isEqualTo(duck);
  }
}
