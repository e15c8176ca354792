package io.quacklake.testkit;

import io.quacklake.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on local disk. */
class LocalObjectStoreContractTest extends ObjectStoreContract {
  @TempDir Path temp;

  @Override
  protected ObjectStore newStore() {
    return new LocalObjectStore();
  }

  @Override
  protected Location newRoot() {
    return Location.directory(temp.resolve("root").toUri().toString());
  }
}
