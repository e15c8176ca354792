package io.quacklake.s3;

import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.testkit.ObjectStoreContract;
import java.util.UUID;

/** The store contract against a real S3 server (S3Proxy) on loopback. */
class S3ObjectStoreContractIT extends ObjectStoreContract {
  private static String bucket;

  @Override
  protected ObjectStore newStore() {
    S3TestServer server = S3TestServer.get();
    synchronized (S3ObjectStoreContractIT.class) {
      if (bucket == null) {
        bucket = server.newBucket();
      }
    }
    return new S3ObjectStore(server.settings());
  }

  @Override
  protected Location newRoot() {
    return Location.directory("s3://" + bucket + "/" + UUID.randomUUID());
  }
}
