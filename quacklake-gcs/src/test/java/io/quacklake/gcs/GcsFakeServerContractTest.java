package io.quacklake.gcs;

import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.testkit.ObjectStoreContract;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract through the real client over HTTP against {@link GcsFakeServer}: proves the
 * requests and the handling of answers, not Google's servers (that is {@code
 * GcsObjectStoreContractIT}).
 */
class GcsFakeServerContractTest extends ObjectStoreContract {
  private static GcsFakeServer server;

  @BeforeAll
  static void start() throws IOException {
    server = new GcsFakeServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected ObjectStore newStore() {
    return new GcsObjectStore(server.settings());
  }

  @Override
  protected Location newRoot() {
    return Location.directory("gs://lake-bucket/" + UUID.randomUUID());
  }
}
