package io.quacklake.gcs;

import io.quacklake.storage.FileEntry;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.StorageSettings;
import io.quacklake.testkit.ObjectStoreContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

/**
 * The store contract against real Google Cloud Storage, when a bucket is given: {@code
 * QUACKLAKE_GCS_TEST_BUCKET}, with credentials from Application Default Credentials or {@code
 * QUACKLAKE_GCS_TEST_KEY_FILE} (a service-account key). {@code STORAGE_EMULATOR_HOST} points it at
 * an emulator instead. Everything it writes lives under a fresh prefix and is deleted afterwards.
 *
 * <p>Without a bucket it is skipped loudly, also under {@code CI=true}: the one test allowed to,
 * because no GCS server or emulator can run on the project's machines (docs/testing.md).
 */
class GcsObjectStoreContractIT extends ObjectStoreContract {
  private static final List<Location> ROOTS = new ArrayList<>();
  private static String bucket;
  private static GcsSettings settings;

  private static boolean reported;

  /** The settings for the bucket under test; aborts (skips) the test when none is given. */
  private static synchronized GcsSettings requireBucket() {
    bucket = System.getenv("QUACKLAKE_GCS_TEST_BUCKET");
    if (bucket == null || bucket.isBlank()) {
      String why =
          "no Google Cloud Storage bucket to test against: set QUACKLAKE_GCS_TEST_BUCKET (and"
              + " credentials); skipped even with CI=true, since no GCS server can run here";
      if (!reported) {
        System.err.println("SKIPPED: GcsObjectStoreContractIT: " + why);
        reported = true;
      }
      Assumptions.abort(why);
    }
    if (settings == null) {
      StorageSettings given = StorageSettings.NONE;
      String keyFile = System.getenv("QUACKLAKE_GCS_TEST_KEY_FILE");
      if (keyFile != null && !keyFile.isBlank()) {
        given = given.with("gcs.key-file", keyFile);
      }
      settings = GcsSettings.from(given, System.getenv());
    }
    return settings;
  }

  @Override
  protected ObjectStore newStore() {
    return new GcsObjectStore(requireBucket());
  }

  @Override
  protected Location newRoot() {
    Location root = Location.directory("gs://" + bucket + "/quacklake-it/" + UUID.randomUUID());
    synchronized (ROOTS) {
      ROOTS.add(root);
    }
    return root;
  }

  @AfterAll
  static void deleteWhatWasWritten() throws IOException {
    if (settings == null) {
      return;
    }
    try (GcsObjectStore store = new GcsObjectStore(settings)) {
      for (Location root : ROOTS) {
        for (FileEntry e : store.list(root)) {
          store.delete(e.location());
        }
      }
    }
  }
}
