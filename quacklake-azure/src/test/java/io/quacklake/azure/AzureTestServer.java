package io.quacklake.azure;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.quacklake.storage.Location;
import io.quacklake.testkit.AzuriteProcess;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Azurite on loopback for tests ({@link AzuriteProcess}), installed by npm into {@code
 * target/azurite} on first use, started once per JVM and stopped when the JVM exits. With {@code
 * CI=true} a server that cannot be installed or started fails the test; elsewhere the test is
 * skipped loudly.
 */
final class AzureTestServer {
  private static AzureTestServer running;
  private static String failure;

  final AzuriteProcess process;

  private AzureTestServer(AzuriteProcess process) {
    this.process = process;
  }

  /**
   * The running server, started on first use; its connection string is also published as a system
   * property, so stores opened with default settings (auditors, helpers) reach it.
   */
  static synchronized AzureTestServer get() {
    if (running == null && failure == null) {
      try {
        running = new AzureTestServer(AzuriteProcess.start(Path.of("target/azurite")));
        System.setProperty("AZURE_STORAGE_CONNECTION_STRING", running.process.connectionString());
      } catch (Exception e) {
        failure = e.toString();
      }
    }
    if (running == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("the Azure test server (Azurite) did not start: " + failure);
      }
      System.err.println("SKIPPED: the Azure test server (Azurite) did not start: " + failure);
      assumeThat(running).as("Azure test server").isNotNull();
    }
    return running;
  }

  /** Settings that reach this server. */
  AzureSettings settings() {
    return new AzureSettings(process.endpoint(), AzuriteProcess.ACCOUNT, AzuriteProcess.KEY, null);
  }

  /** The environment a child process needs to reach this server. */
  Map<String, String> environment() {
    return Map.of("AZURE_STORAGE_CONNECTION_STRING", process.connectionString());
  }

  /** A new, empty container. */
  String newContainer() {
    String name = "ql-" + UUID.randomUUID().toString().substring(0, 18);
    try (AzureObjectStore store = new AzureObjectStore(settings())) {
      store.createContainer(Location.directory("az://" + name));
    }
    return name;
  }
}
