package io.quacklake.azure;

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
import io.quacklake.testkit.AzuriteProcess;
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
 * A lake with a SQLite catalog and its data on Azure Blob Storage (Azurite) behaves exactly like
 * the same lake on local disk: create, append, scans with pruning (in few requests), delete,
 * update, time travel; the object-store catalog works on a container; bad endpoints, containers and
 * keys give one clear line without the key.
 */
class AzureLakeIT {
  @TempDir Path temp;

  @Test
  void dataOnAzureMatchesTheSameLakeOnLocalDisk() {
    AzureTestServer server = AzureTestServer.get();
    String container = server.newContainer();
    AtomicReference<AzureObjectStore> seen = new AtomicReference<>();
    ObjectStores.decorate(
        store -> {
          if (store instanceof AzureObjectStore azure) {
            seen.set(azure);
          }
          return store;
        });
    try {
      List<Map<Long, String>> onAzure;
      LakeOptions options =
          LakeOptions.defaults()
              .withStorageSetting("azure.endpoint", server.process.endpoint().toString())
              .withStorageSetting("azure.account-name", AzuriteProcess.ACCOUNT)
              .withStorageSetting("azure.account-key", AzuriteProcess.KEY);
      try (Lake lake =
          Lake.create(
              "sqlite:" + temp.resolve("azure.sqlite"), "az://" + container + "/lake/", options)) {
        lake.setOption("target_file_size", "65536");
        onAzure = LakeHistory.build(lake, 4, 5000, 12000);
        assertThat(lake.dataPath()).startsWith("az://" + container + "/lake/");
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
      assertThat(onAzure).isEqualTo(local);
      assertThat(onAzure.get(onAzure.size() - 1)).hasSize(19_900).containsEntry(12005L, "changed");
    } finally {
      ObjectStores.decorate(UnaryOperator.identity());
    }
  }

  @Test
  void objectStoreCatalogOnAzure() {
    AzureTestServer server = AzureTestServer.get();
    String location = "az://" + server.newContainer() + "/events";
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
  void abfssDataPathsReachTheBlobApiThroughTheEndpointSetting() {
    AzureTestServer server = AzureTestServer.get();
    String data =
        "abfss://"
            + server.newContainer()
            + "@"
            + AzuriteProcess.ACCOUNT
            + ".dfs.core.windows.net/d/";
    try (Lake lake = Lake.create("sqlite:" + temp.resolve("abfss.sqlite"), data)) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", LakeHistory.rows(0, 3000));
        tx.commit();
      }
      assertThat(lake.table("t").scan().files())
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.dataFile()).startsWith(data));
      assertThat(lake.table("t").scan().filter("id = 2999").count()).isOne();
    }
  }

  @Test
  void badEndpointContainerAndKeysAreOneClearLine() {
    AzureTestServer server = AzureTestServer.get();
    String container = server.newContainer();
    LakeOptions closedPort =
        LakeOptions.defaults().withStorageSetting("azure.endpoint", "http://127.0.0.1:1/acct");
    assertOneLine(
        () -> Lake.create("az://" + container + "/x", null, closedPort),
        ErrorKind.UNAVAILABLE,
        "cannot reach the Azure endpoint http://127.0.0.1:1/acct");
    LakeOptions unknownHost =
        LakeOptions.defaults().withStorageSetting("azure.endpoint", "http://no-such-host.invalid");
    assertOneLine(
        () -> Lake.create("az://" + container + "/x", null, unknownHost),
        ErrorKind.UNAVAILABLE,
        "(the host name does not resolve)");
    assertOneLine(
        () -> Lake.create("az://no-such-container-ql/x", null),
        ErrorKind.INVALID_ARGUMENT,
        "container does not exist");
    String wrongKey = "bm90LXRoZS1rZXk=";
    LakeOptions wrongSecret =
        LakeOptions.defaults().withStorageSetting("azure.account-key", wrongKey);
    assertOneLine(
        () -> Lake.create("az://" + container + "/y", null, wrongSecret),
        ErrorKind.INVALID_ARGUMENT,
        "AZURE_STORAGE_KEY");
    assertThatThrownBy(() -> Lake.create("az://" + container + "/y", null, wrongSecret))
        .hasMessageNotContaining(wrongKey);
  }

  private static void assertOneLine(Runnable action, ErrorKind kind, String text) {
    assertThatThrownBy(action::run)
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining(text)
        .hasMessageNotContaining(AzuriteProcess.KEY)
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(kind))
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
  }
}
