package io.quacklake.s3;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import java.net.URI;
import java.util.Map;

/**
 * How to reach the store: each value from the lake's storage settings, else the usual environment
 * variable, else the SDK default (region {@code us-east-1}; credentials from the default chain).
 *
 * @param endpoint an endpoint override ({@code http://127.0.0.1:9000}), or null for AWS
 * @param region the signing region
 * @param pathStyle bucket in the path rather than the host name (most S3-compatible servers)
 * @param accessKeyId explicit credentials, or null for the default chain
 * @param secretAccessKey explicit credentials, or null
 * @param sessionToken a session token with temporary credentials, or null
 */
public record S3Settings(
    URI endpoint,
    String region,
    boolean pathStyle,
    String accessKeyId,
    String secretAccessKey,
    String sessionToken) {

  /** Settings first, then environment variables. */
  public static S3Settings from(StorageSettings settings, Map<String, String> env) {
    String endpoint = pick(settings, "s3.endpoint", env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
    String region = pick(settings, "s3.region", env, "AWS_REGION", "AWS_DEFAULT_REGION");
    String pathStyle = pick(settings, "s3.path-style", env, "QUACKLAKE_S3_PATH_STYLE");
    URI uri = null;
    if (endpoint != null && !endpoint.isBlank()) {
      try {
        uri = URI.create(endpoint.trim());
      } catch (IllegalArgumentException e) {
        throw QuacklakeException.invalid(
            "s3.endpoint / AWS_ENDPOINT_URL '%s' is not a URL, e.g. http://127.0.0.1:9000",
            endpoint);
      }
    }
    return new S3Settings(
        uri,
        region == null || region.isBlank() ? "us-east-1" : region.trim(),
        pathStyle == null ? uri != null : Boolean.parseBoolean(pathStyle.trim()),
        pick(settings, "s3.access-key-id", env, "AWS_ACCESS_KEY_ID"),
        pick(settings, "s3.secret-access-key", env, "AWS_SECRET_ACCESS_KEY"),
        pick(settings, "s3.session-token", env, "AWS_SESSION_TOKEN"));
  }

  private static String pick(
      StorageSettings settings, String key, Map<String, String> env, String... variables) {
    String v = settings.get(key);
    if (v != null) {
      return v;
    }
    for (String name : variables) {
      if (env.get(name) != null) {
        return env.get(name);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpoint
        + ", region="
        + region
        + ", pathStyle="
        + pathStyle
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey="
        + (secretAccessKey == null ? null : "***")
        + "]";
  }
}
