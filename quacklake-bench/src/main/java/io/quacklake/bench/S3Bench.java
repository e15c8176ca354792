package io.quacklake.bench;

import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.s3.RequestCounter;
import io.quacklake.s3.S3ObjectStore;
import io.quacklake.s3.S3Settings;
import io.quacklake.testkit.S3ProxyProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** The remote-data workloads on S3: S3Proxy on loopback, started for the run. */
final class S3Bench implements RemoteStore {
  private static final String KEY = "bench";
  private static final String SECRET = "bench-secret";
  private static final String BUCKET = "bench";

  private final S3ProxyProcess server;
  private final List<S3ObjectStore> stores = new CopyOnWriteArrayList<>();

  private S3Bench(S3ProxyProcess server) {
    this.server = server;
  }

  /** Starts S3Proxy, points the process's S3 settings at it and creates the bucket. */
  static S3Bench start() throws Exception {
    S3ProxyProcess server =
        S3ProxyProcess.start(Path.of("quacklake-bench/target/s3proxy/s3proxy.jar"), KEY, SECRET);
    System.setProperty("AWS_ENDPOINT_URL", server.endpoint().toString());
    System.setProperty("AWS_ACCESS_KEY_ID", KEY);
    System.setProperty("AWS_SECRET_ACCESS_KEY", SECRET);
    System.setProperty("AWS_REGION", "us-east-1");
    System.setProperty("QUACKLAKE_S3_PATH_STYLE", "true");
    try (S3ObjectStore admin =
        new S3ObjectStore(
            new S3Settings(server.endpoint(), "us-east-1", true, KEY, SECRET, null))) {
      admin.createBucket(BUCKET);
    }
    S3Bench bench = new S3Bench(server);
    ObjectStores.decorate(
        s -> {
          if (s instanceof S3ObjectStore s3) {
            bench.stores.add(s3);
          }
          return s;
        });
    return bench;
  }

  @Override
  public String name() {
    return "S3";
  }

  @Override
  public String server() {
    return "S3Proxy on loopback";
  }

  @Override
  public String newDataPath() {
    return "s3://" + BUCKET + "/" + UUID.randomUUID() + "/";
  }

  @Override
  public long requests() {
    long n = 0;
    for (S3ObjectStore s : stores) {
      RequestCounter c = s.requests();
      n += c.gets() + c.puts() + c.other();
    }
    return n;
  }

  @Override
  public String requestsNote() {
    return "S3 requests: every request one scan made (catalog on local SQLite, so these are"
        + " data-file GETs and HEADs: footer plus column chunks).";
  }

  @Override
  public void close() {
    ObjectStores.decorate(UnaryOperator.identity());
    server.close();
  }
}
