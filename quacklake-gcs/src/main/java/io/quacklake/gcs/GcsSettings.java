package io.quacklake.gcs;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to reach Google Cloud Storage: each value from the lake's storage settings, else the usual
 * environment variable, else the client's default (Application Default Credentials, the project
 * they name, {@code https://storage.googleapis.com}).
 *
 * <ul>
 *   <li>{@code gcs.endpoint} / {@code STORAGE_EMULATOR_HOST}: another JSON API endpoint (an
 *       emulator); {@code host:port} alone means {@code http://host:port}
 *   <li>{@code gcs.project} / {@code GOOGLE_CLOUD_PROJECT}: the project (not needed for objects)
 *   <li>{@code gcs.key-file}: a service-account key file; without it, Application Default
 *       Credentials ({@code GOOGLE_APPLICATION_CREDENTIALS}, {@code gcloud auth application-default
 *       login}, or the metadata server on Google Cloud)
 *   <li>{@code gcs.anonymous} / {@code QUACKLAKE_GCS_ANONYMOUS}: send no credentials (public
 *       buckets, emulators); defaults to true when the endpoint came from {@code
 *       STORAGE_EMULATOR_HOST}, as Google's other clients do
 * </ul>
 *
 * @param endpoint an endpoint override, or null for Google Cloud Storage
 * @param project the project, or null for the client's default
 * @param keyFile a service-account key file, or null for Application Default Credentials
 * @param anonymous whether to send no credentials at all
 */
public record GcsSettings(URI endpoint, String project, Path keyFile, boolean anonymous) {

  /** Settings first, then environment variables. */
  public static GcsSettings from(StorageSettings settings, Map<String, String> env) {
    String configured = blankToNull(settings.get("gcs.endpoint"));
    String emulator = blankToNull(env.get("STORAGE_EMULATOR_HOST"));
    String endpoint = configured != null ? configured : emulator;
    String anonymous = pick(settings, "gcs.anonymous", env, "QUACKLAKE_GCS_ANONYMOUS");
    String keyFile = pick(settings, "gcs.key-file", env);
    return new GcsSettings(
        endpoint == null ? null : endpoint(endpoint),
        pick(settings, "gcs.project", env, "GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT"),
        keyFile == null ? null : Path.of(keyFile),
        anonymous == null
            ? configured == null && emulator != null
            : Boolean.parseBoolean(anonymous.trim()));
  }

  private static URI endpoint(String value) {
    String v = value.trim();
    try {
      URI uri = URI.create(v.contains("://") ? v : "http://" + v);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw QuacklakeException.invalid(
          "gcs.endpoint / STORAGE_EMULATOR_HOST '%s' is not a URL, e.g. http://127.0.0.1:4443",
          value);
    }
  }

  private static String pick(
      StorageSettings settings, String key, Map<String, String> env, String... variables) {
    String v = blankToNull(settings.get(key));
    if (v != null) {
      return v.trim();
    }
    for (String name : variables) {
      String e = blankToNull(env.get(name));
      if (e != null) {
        return e.trim();
      }
    }
    return null;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }

  /** The endpoint in words, for messages. */
  String endpointName() {
    return endpoint == null ? "Google Cloud Storage" : endpoint.toString();
  }
}
