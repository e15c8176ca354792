package io.quacklake.bench;

import io.quacklake.azure.AzureObjectStore;
import io.quacklake.azure.AzureSettings;
import io.quacklake.azure.RequestCounter;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.Location;
import io.quacklake.testkit.AzuriteProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The remote-data workloads on Azure Blob Storage: Azurite on loopback (in memory), installed with
 * npm into {@code quacklake-bench/target/azurite} on first use and started for the run.
 */
final class AzureBench implements RemoteStore {
  private static final String CONTAINER = "bench";

  private final AzuriteProcess server;
  private final List<AzureObjectStore> stores = new CopyOnWriteArrayList<>();

  private AzureBench(AzuriteProcess server) {
    this.server = server;
  }

  /** Starts Azurite, points the process's Azure settings at it and creates the container. */
  static AzureBench start() throws Exception {
    AzuriteProcess server = AzuriteProcess.start(Path.of("quacklake-bench/target/azurite"));
    System.setProperty("AZURE_STORAGE_CONNECTION_STRING", server.connectionString());
    try (AzureObjectStore admin =
        new AzureObjectStore(
            new AzureSettings(
                server.endpoint(), AzuriteProcess.ACCOUNT, AzuriteProcess.KEY, null))) {
      admin.createContainer(Location.directory("az://" + CONTAINER));
    }
    AzureBench bench = new AzureBench(server);
    ObjectStores.decorate(
        s -> {
          if (s instanceof AzureObjectStore azure) {
            bench.stores.add(azure);
          }
          return s;
        });
    return bench;
  }

  @Override
  public String name() {
    return "Azure";
  }

  @Override
  public String server() {
    return "Azurite on loopback, in memory";
  }

  @Override
  public String newDataPath() {
    return "az://" + CONTAINER + "/" + UUID.randomUUID() + "/";
  }

  @Override
  public long requests() {
    long n = 0;
    for (AzureObjectStore s : stores) {
      RequestCounter c = s.requests();
      n += c.gets() + c.puts() + c.other();
    }
    return n;
  }

  @Override
  public String requestsNote() {
    return "Azure requests: every request one scan made (catalog on local SQLite, so these are"
        + " ranged blob GETs: footer plus column chunks).";
  }

  @Override
  public void close() {
    ObjectStores.decorate(UnaryOperator.identity());
    server.close();
  }
}
