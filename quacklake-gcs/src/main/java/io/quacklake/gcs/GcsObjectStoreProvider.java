package io.quacklake.gcs;

import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.ObjectStoreProvider;
import io.quacklake.storage.StorageSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Serves {@code gs://} and {@code gcs://} locations; found by core through {@link
 * java.util.ServiceLoader}. Each environment variable the settings fall back to may also be given
 * as a Java system property of the same name ({@code -DSTORAGE_EMULATOR_HOST=...}), which wins.
 */
public final class GcsObjectStoreProvider implements ObjectStoreProvider {
  private static final Set<String> VARIABLES =
      Set.of(
          "STORAGE_EMULATOR_HOST",
          "GOOGLE_CLOUD_PROJECT",
          "GCLOUD_PROJECT",
          "QUACKLAKE_GCS_ANONYMOUS");

  @Override
  public boolean supports(String scheme) {
    return "gs".equals(scheme) || "gcs".equals(scheme);
  }

  @Override
  public ObjectStore open(StorageSettings settings) {
    Map<String, String> env = new HashMap<>(System.getenv());
    for (String name : VARIABLES) {
      if (System.getProperty(name) != null) {
        env.put(name, System.getProperty(name));
      }
    }
    return new GcsObjectStore(GcsSettings.from(settings, env));
  }
}
