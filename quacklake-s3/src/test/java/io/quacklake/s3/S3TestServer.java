package io.quacklake.s3;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.quacklake.testkit.S3ProxyProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A real S3 server on loopback for tests: S3Proxy 4.1.0 (decision 0007, {@link S3ProxyProcess}),
 * started once per JVM from the jar the build copies to {@code target/s3proxy/}, and stopped when
 * the JVM exits. With {@code CI=true} a server that cannot start fails the test; elsewhere the test
 * is skipped loudly.
 */
final class S3TestServer {
  static final String ACCESS_KEY = "quacklake";
  static final String SECRET_KEY = "quacklake-secret";

  private static S3TestServer running;
  private static String failure;

  final URI endpoint;

  private S3TestServer(URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * The running server, started on first use; the S3 settings are also published as system
   * properties, so stores opened with default settings (auditors, helpers) reach it.
   */
  static synchronized S3TestServer get() {
    if (running == null && failure == null) {
      try {
        running = start();
      } catch (Exception e) {
        failure = e.toString();
      }
    }
    if (running == null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("the S3 test server (S3Proxy) did not start: " + failure);
      }
      System.err.println("SKIPPED: the S3 test server (S3Proxy) did not start: " + failure);
      assumeThat(running).as("S3 test server").isNotNull();
    }
    return running;
  }

  private static S3TestServer start() throws Exception {
    S3ProxyProcess process =
        S3ProxyProcess.start(Path.of("target/s3proxy/s3proxy.jar"), ACCESS_KEY, SECRET_KEY);
    URI endpoint = process.endpoint();
    System.setProperty("AWS_ENDPOINT_URL", endpoint.toString());
    System.setProperty("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    System.setProperty("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    System.setProperty("AWS_REGION", "us-east-1");
    System.setProperty("QUACKLAKE_S3_PATH_STYLE", "true");
    return new S3TestServer(endpoint);
  }

  /** Settings that reach this server. */
  S3Settings settings() {
    return new S3Settings(endpoint, "us-east-1", true, ACCESS_KEY, SECRET_KEY, null);
  }

  /** The environment a child process needs to reach this server. */
  Map<String, String> environment() {
    return Map.of(
        "AWS_ENDPOINT_URL",
        endpoint.toString(),
        "AWS_ACCESS_KEY_ID",
        ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY",
        SECRET_KEY,
        "AWS_REGION",
        "us-east-1",
        "QUACKLAKE_S3_PATH_STYLE",
        "true");
  }

  /** A new, empty bucket. */
  String newBucket() {
    String name = "ql-" + UUID.randomUUID().toString().substring(0, 18);
    try (S3ObjectStore store = new S3ObjectStore(settings())) {
      store.createBucket(name);
    }
    return name;
  }
}
