package io.quacklake.storage;

import java.util.Map;
import java.util.TreeMap;

/**
 * Settings for object stores, by key ({@code s3.endpoint}, {@code s3.region}, {@code
 * s3.path-style}, {@code s3.access-key-id}, {@code s3.secret-access-key}, {@code s3.session-token},
 * {@code azure.connection-string}, {@code azure.account-name}, {@code azure.account-key}, {@code
 * azure.sas-token}, {@code azure.endpoint}); a store falls back to its usual environment variables
 * for keys not set. Secrets never appear in {@link #toString()}.
 *
 * @param values the settings
 */
public record StorageSettings(Map<String, String> values) implements java.io.Serializable {
  public static final StorageSettings NONE = new StorageSettings(Map.of());

  public StorageSettings {
    values = Map.copyOf(values);
  }

  /** The value, or null. */
  public String get(String key) {
    return values.get(key);
  }

  public StorageSettings with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new StorageSettings(copy);
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((k, v) -> shown.put(k, isSecret(k) ? "***" : v));
    return "StorageSettings" + shown;
  }

  /** Whether a key's value is a secret: a secret key, token, account key or connection string. */
  private static boolean isSecret(String key) {
    return key.contains("secret")
        || key.contains("token")
        || key.contains("password")
        || key.endsWith("account-key")
        || key.contains("connection-string");
  }
}
