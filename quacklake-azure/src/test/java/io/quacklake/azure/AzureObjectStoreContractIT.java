package io.quacklake.azure;

import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.testkit.ObjectStoreContract;
import java.util.UUID;

/** The store contract against Azurite on loopback. */
class AzureObjectStoreContractIT extends ObjectStoreContract {
  private static String container;

  @Override
  protected ObjectStore newStore() {
    AzureTestServer server = AzureTestServer.get();
    synchronized (AzureObjectStoreContractIT.class) {
      if (container == null) {
        container = server.newContainer();
      }
    }
    return new AzureObjectStore(server.settings());
  }

  @Override
  protected Location newRoot() {
    return Location.directory("az://" + container + "/" + UUID.randomUUID());
  }
}
