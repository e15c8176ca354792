package io.quacklake.s3;

import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.ObjectStoreProvider;
import io.quacklake.storage.StorageSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves {@code s3://} locations; found by core through {@link java.util.ServiceLoader}. Each
 * environment variable the settings fall back to may also be given as a Java system property of the
 * same name ({@code -DAWS_ENDPOINT_URL=...}), which wins.
 */
public final class S3ObjectStoreProvider implements ObjectStoreProvider {
  @Override
  public boolean supports(String scheme) {
    return "s3".equals(scheme);
  }

  @Override
  public ObjectStore open(StorageSettings settings) {
    Map<String, String> env = new HashMap<>(System.getenv());
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("AWS_") || name.startsWith("QUACKLAKE_")) {
        env.put(name, System.getProperty(name));
      }
    }
    return new S3ObjectStore(S3Settings.from(settings, env));
  }
}
