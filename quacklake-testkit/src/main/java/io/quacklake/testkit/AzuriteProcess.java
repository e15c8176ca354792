package io.quacklake.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite, the Azure Storage emulator (decision 0023), as a child process serving the Blob API on
 * 127.0.0.1 and a free port, in memory; for tests and benchmarks. npm installs it on first use into
 * a directory of the caller's (a module's {@code target/azurite}), where later runs find it.
 * Stopped by {@link #close()} or when the JVM exits.
 */
public final class AzuriteProcess implements AutoCloseable {
  public static final String VERSION = "3.37.0";

  /** The emulator's published account and key, the same in every installation. */
  public static final String ACCOUNT = "devstoreaccount1";

  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private final URI endpoint;
  private final Process process;

  private AzuriteProcess(URI endpoint, Process process) {
    this.endpoint = endpoint;
    this.process = process;
  }

  /**
   * Installs Azurite {@value #VERSION} under {@code installDir} unless it is there, starts its blob
   * service and waits until it listens.
   *
   * @throws IllegalStateException when npm or node fail, or the server does not come up
   */
  public static AzuriteProcess start(Path installDir) throws IOException, InterruptedException {
    Path main = install(installDir.toAbsolutePath());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("azurite");
    Path log = dir.resolve("azurite.log");
    Process p =
        new ProcessBuilder(
                "node",
                main.toString(),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                Integer.toString(port),
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--disableTelemetry",
                "--silent")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.currentTimeMillis() + 60_000;
    while (!listening(port)) {
      if (!p.isAlive() || System.currentTimeMillis() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "Azurite did not listen on port " + port + ": " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return new AzuriteProcess(URI.create("http://127.0.0.1:" + port + "/" + ACCOUNT), p);
  }

  /** The blob service's entry script, after installing it with npm if it is not there yet. */
  private static Path install(Path installDir) throws IOException, InterruptedException {
    Path main = installDir.resolve("node_modules/azurite/dist/src/blob/main.js");
    Path version = installDir.resolve("node_modules/azurite/package.json");
    Files.createDirectories(installDir);
    try (FileChannel lock =
        FileChannel.open(
            installDir.resolve(".install-lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
      // held until the channel closes: one install at a time, also across processes
      lock.lock();
      if (Files.exists(main)
          && Files.readString(version).contains("\"version\": \"" + VERSION + "\"")) {
        return main;
      }
      Path log = installDir.resolve("npm-install.log");
      Process npm =
          new ProcessBuilder(
                  List.of(
                      "npm",
                      "install",
                      "--prefix",
                      installDir.toString(),
                      "--no-audit",
                      "--no-fund",
                      "--prefer-offline",
                      "azurite@" + VERSION))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!npm.waitFor(5, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm install azurite@" + VERSION + " took over 5 minutes");
      }
      if (npm.exitValue() != 0 || !Files.exists(main)) {
        throw new IllegalStateException(
            "npm install azurite@" + VERSION + " failed: " + Files.readString(log));
      }
      return main;
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }

  /** The blob endpoint, account in the path: {@code http://127.0.0.1:PORT/devstoreaccount1}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A connection string for this server. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + KEY
        + ";BlobEndpoint="
        + endpoint
        + ";";
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
