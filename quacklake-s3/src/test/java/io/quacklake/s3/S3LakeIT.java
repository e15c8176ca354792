package io.quacklake.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.ScanMetrics;
import io.quacklake.ScanReader;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.testkit.LakeHistory;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake with a SQLite catalog and its data on S3 behaves exactly like the same lake on local disk:
 * create, append, scans with pruning (in few requests), delete, update, time travel. Bad endpoints,
 * buckets and keys give one clear line.
 */
class S3LakeIT {
  @TempDir Path temp;

  @Test
  void dataOnS3MatchesTheSameLakeOnLocalDisk() throws Exception {
    S3TestServer server = S3TestServer.get();
    String bucket = server.newBucket();
    AtomicReference<S3ObjectStore> seen = new AtomicReference<>();
    ObjectStores.decorate(
        store -> {
          if (store instanceof S3ObjectStore s3) {
            seen.set(s3);
          }
          return store;
        });
    try {
      List<Map<Long, String>> onS3;
      LakeOptions options = LakeOptions.defaults().withStorageSetting("s3.path-style", "true");
      try (Lake lake =
          Lake.create(
              "sqlite:" + temp.resolve("s3.sqlite"), "s3://" + bucket + "/lake/", options)) {
        lake.setOption("target_file_size", "65536");
        onS3 = LakeHistory.build(lake, 4, 5000, 12000);
        assertThat(lake.dataPath()).startsWith("s3://" + bucket + "/lake/");
        RequestCounter requests = seen.get().requests();
        long before = requests.gets() + requests.other();
        try (ScanReader reader =
            lake.table("t").scan().select("id", "v").filter("id = 17000").arrow()) {
          long n = 0;
          while (reader.loadNextBatch()) {
            n += reader.getVectorSchemaRoot().getRowCount();
          }
          assertThat(n).isEqualTo(1);
          ScanMetrics m = reader.metrics();
          assertThat(m.dataFilesPruned()).isGreaterThan(m.dataFiles() / 2);
          long used = requests.gets() + requests.other() - before;
          long read = m.dataFiles() - m.dataFilesPruned();
          assertThat(used).as("requests for %d files", read).isLessThanOrEqualTo(2 * read);
        }
      }
      List<Map<Long, String>> local;
      try (Lake lake =
          Lake.create("sqlite:" + temp.resolve("local.sqlite"), temp.resolve("data").toString())) {
        lake.setOption("target_file_size", "65536");
        local = LakeHistory.build(lake, 4, 5000, 12000);
      }
      assertThat(onS3).isEqualTo(local);
      assertThat(onS3.get(onS3.size() - 1)).hasSize(19_900).containsEntry(12005L, "changed");
    } finally {
      ObjectStores.decorate(UnaryOperator.identity());
    }
  }

  @Test
  void objectStoreCatalogOnS3() {
    S3TestServer server = S3TestServer.get();
    String location = "s3://" + server.newBucket() + "/events";
    try (Lake lake = Lake.create(location, null)) {
      assertThat(lake.dataPath()).isEqualTo(location + "/data/");
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", LakeHistory.rows(0, 3000));
        tx.commit();
      }
    }
    try (Lake lake = Lake.open(location)) {
      assertThat(lake.table("t").scan().filter("region = 'EU'").count()).isEqualTo(1000);
      assertThat(lake.catalogVersions().history()).hasSize(3);
    }
  }

  @Test
  void badEndpointBucketAndKeysAreOneClearLine() {
    S3TestServer server = S3TestServer.get();
    String bucket = server.newBucket();
    LakeOptions closedPort =
        LakeOptions.defaults()
            .withStorageSetting("s3.endpoint", "http://127.0.0.1:1")
            .withStorageSetting("s3.path-style", "true");
    assertOneLine(
        () -> Lake.create("s3://" + bucket + "/x", null, closedPort),
        ErrorKind.UNAVAILABLE,
        "cannot reach the S3 endpoint http://127.0.0.1:1");
    assertOneLine(
        () -> Lake.create("s3://no-such-bucket-ql/x", null),
        ErrorKind.INVALID_ARGUMENT,
        "bucket does not exist");
    LakeOptions wrongSecret =
        LakeOptions.defaults().withStorageSetting("s3.secret-access-key", "not-the-secret");
    assertOneLine(
        () -> Lake.create("s3://" + bucket + "/y", null, wrongSecret),
        ErrorKind.INVALID_ARGUMENT,
        "AWS_SECRET_ACCESS_KEY");
  }

  private static void assertOneLine(Runnable action, ErrorKind kind, String text) {
    assertThatThrownBy(action::run)
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining(text)
        .hasMessageNotContaining("not-the-secret")
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(kind))
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
  }
}
