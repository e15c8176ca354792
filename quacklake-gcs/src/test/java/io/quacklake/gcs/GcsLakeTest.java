package io.quacklake.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.testkit.LakeHistory;
import io.quacklake.types.ColumnDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  void dataOnGcsMatchesTheSameLakeOnLocalDisk() {
    String data = "gs://lake-bucket/" + UUID.randomUUID() + "/";
    List<Map<Long, String>> onGcs;
    try (Lake lake = Lake.create("sqlite:" + temp.resolve("gcs.sqlite"), data, options())) {
      lake.setOption("target_file_size", "65536");
      onGcs = LakeHistory.build(lake, 3, 3000, 6000);
      assertThat(lake.dataPath()).startsWith(data);
    }
    List<Map<Long, String>> local;
    try (Lake lake =
        Lake.create("sqlite:" + temp.resolve("local.sqlite"), temp.resolve("data").toString())) {
      lake.setOption("target_file_size", "65536");
      local = LakeHistory.build(lake, 3, 3000, 6000);
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
        tx.insert("t", LakeHistory.rows(0, 3000));
        tx.commit();
      }
    }
    try (Lake lake = Lake.open(location, options())) {
      assertThat(lake.table("t").scan().filter("region = 'EU'").count()).isEqualTo(1000);
      assertThat(lake.catalogVersions().history()).hasSize(3);
    }
  }
}
