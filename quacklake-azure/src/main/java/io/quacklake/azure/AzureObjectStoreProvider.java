package io.quacklake.azure;

import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.ObjectStoreProvider;
import io.quacklake.storage.StorageSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Serves {@code az://}, {@code azure://} and {@code abfss://} locations; found by core through
 * {@link java.util.ServiceLoader}. Each environment variable the settings fall back to may also be
 * given as a Java system property of the same name ({@code -DAZURE_STORAGE_ACCOUNT=...}), which
 * wins.
 */
public final class AzureObjectStoreProvider implements ObjectStoreProvider {
  static final Set<String> SCHEMES = Set.of("az", "azure", "abfss");

  @Override
  public boolean supports(String scheme) {
    return SCHEMES.contains(scheme.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public ObjectStore open(StorageSettings settings) {
    Map<String, String> env = new HashMap<>(System.getenv());
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("AZURE_")) {
        env.put(name, System.getProperty(name));
      }
    }
    return new AzureObjectStore(AzureSettings.from(settings, env));
  }
}
