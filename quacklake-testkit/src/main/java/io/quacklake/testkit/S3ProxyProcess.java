package io.quacklake.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An S3Proxy server (decision 0007) as a child process on 127.0.0.1 and a free port, with its
 * file-system backend in a temporary directory; for tests and benchmarks. Stopped by {@link
 * #close()} or when the JVM exits.
 */
public final class S3ProxyProcess implements AutoCloseable {
  private final URI endpoint;
  private final Process process;

  private S3ProxyProcess(URI endpoint, Process process) {
    this.endpoint = endpoint;
    this.process = process;
  }

  /**
   * Starts the server from the S3Proxy jar-with-dependencies and waits until it listens.
   *
   * @throws IllegalStateException when the jar is missing or the server does not come up
   */
  public static S3ProxyProcess start(Path jar, String accessKey, String secretKey)
      throws IOException, InterruptedException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing; build with mvn verify");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("s3proxy");
    Files.createDirectories(dir.resolve("data"));
    Path properties = dir.resolve("s3proxy.properties");
    Files.write(
        properties,
        List.of(
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + accessKey,
            "s3proxy.credential=" + secretKey,
            "jclouds.provider=filesystem-nio2",
            "jclouds.filesystem.basedir=" + dir.resolve("data")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("s3proxy.log");
    Process p =
        new ProcessBuilder(
                java, "-Xmx512m", "-jar", jar.toString(), "--properties", properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.currentTimeMillis() + 60_000;
    while (!listening(port)) {
      if (!p.isAlive() || System.currentTimeMillis() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "S3Proxy did not listen on port " + port + ": " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return new S3ProxyProcess(URI.create("http://127.0.0.1:" + port), p);
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Stops the server and waits up to ten seconds for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
