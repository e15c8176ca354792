package io.quacklake.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lakes on {@code gs://} through the real client against {@link GcsFakeServer}: data on GCS reads
 * exactly as the same lake on disk at every snapshot, and the object-store catalog commits, reopens
 * and keeps its versions there (conditional creates included).
 */
class GcsLakeTest {
  private static GcsFakeServer server;
  @TempDir Path temp;

  @BeforeAll
  static void start() throws IOException {
    server = new GcsFakeServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static LakeOptions options() {
    return LakeOptions.defaults()
        .withStorageSetting("gcs.endpoint", server.endpoint().toString())
        .withStorageSetting("gcs.anonymous", "true")
        .withStorageSetting("gcs.project", "quacklake-test");
  }

  private static List<Map<String, Object>> rows(long from, long to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(Map.of("id", i, "region", i % 3 == 0 ? "EU" : "US", "v", "value " + i));
    }
    return out;
  }

  /** Builds the same history in a lake and returns its contents at every snapshot. */
  private static List<Map<Long, String>> history(Lake lake) {
    lake.createTable("t", ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"));
    for (int batch = 0; batch < 3; batch++) {
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(batch * 3000L, batch * 3000L + 3000));
        tx.commit();
      }
    }
    try (Transaction tx = lake.begin()) {
      tx.delete("t", "id BETWEEN 100 AND 199");
      tx.commit();
    }
    try (Transaction tx = lake.begin()) {
      tx.update("t", Map.of("v", "changed"), "id BETWEEN 6000 AND 6009");
      tx.commit();
    }
    List<Map<Long, String>> out = new ArrayList<>();
    for (long s = 1; s <= lake.currentSnapshot().id(); s++) {
      Map<Long, String> contents = new TreeMap<>();
      try (RowIterator it = lake.table("t").scan().asOf(s).rows()) {
        it.forEachRemaining(r -> contents.put((Long) r.get("id"), (String) r.get("v")));
      }
      out.add(contents);
    }
    return out;
  }

  @Test
  void dataOnGcsMatchesTheSameLakeOnLocalDisk() {
    String data = "gs://lake-bucket/" + UUID.randomUUID() + "/";
    List<Map<Long, String>> onGcs;
    try (Lake lake = Lake.create("sqlite:" + temp.resolve("gcs.sqlite"), data, options())) {
      lake.setOption("target_file_size", "65536");
      onGcs = history(lake);
      assertThat(lake.dataPath()).startsWith(data);
    }
    List<Map<Long, String>> local;
    try (Lake lake =
        Lake.create("sqlite:" + temp.resolve("local.sqlite"), temp.resolve("data").toString())) {
      lake.setOption("target_file_size", "65536");
      local = history(lake);
    }
    assertThat(onGcs).isEqualTo(local);
    assertThat(onGcs.get(onGcs.size() - 1)).hasSize(8_900).containsEntry(6005L, "changed");
  }

  @Test
  void objectStoreCatalogOnGcs() {
    String location = "gcs://lake-bucket/" + UUID.randomUUID() + "/events";
    try (Lake lake = Lake.create(location, null, options())) {
      assertThat(lake.dataPath()).isEqualTo(location + "/data/");
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(0, 3000));
        tx.commit();
      }
    }
    try (Lake lake = Lake.open(location, options())) {
      assertThat(lake.table("t").scan().filter("region = 'EU'").count()).isEqualTo(1000);
      assertThat(lake.catalogVersions().history()).hasSize(3);
    }
  }
}
