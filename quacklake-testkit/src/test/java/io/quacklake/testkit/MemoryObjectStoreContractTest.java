package io.quacklake.testkit;

import io.quacklake.internal.storage.MemoryObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.util.UUID;

/** The store contract in memory. */
class MemoryObjectStoreContractTest extends ObjectStoreContract {
  @Override
  protected ObjectStore newStore() {
    return new MemoryObjectStore();
  }

  @Override
  protected Location newRoot() {
    return Location.directory("mem://" + UUID.randomUUID());
  }
}
