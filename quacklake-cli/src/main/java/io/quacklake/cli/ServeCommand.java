package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.flight.FlightLakeServer;
import io.quacklake.flight.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve}: the lake over Arrow Flight until the process is stopped (SIGTERM or Ctrl-C end it
 * gracefully: calls in progress finish, held transactions roll back). The port is the first line on
 * stdout.
 */
@Command(
    name = "serve",
    description = {
      "Serve the lake over Arrow Flight (docs/flight.md) until stopped; prints the port first.",
      "Example: quacklake --catalog lake.sqlite serve --port 0"
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default ${DEFAULT-VALUE}); others need a token and TLS")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8815",
      description = "Port (default ${DEFAULT-VALUE}); 0 picks a free one")
  int port;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Bearer token every call must carry (else QUACKLAKE_FLIGHT_TOKEN)")
  Path tokenFile;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key (PKCS#8)")
  Path tlsKey;

  @Override
  public Integer call() throws Exception {
    LakeOptions options = main.lakeOptions.options();
    ServerSettings settings =
        new ServerSettings(host, port, token(), tlsCert, tlsKey, options.storage());
    settings.requireSafeExposure();
    Lake lake = main.lakeOptions.open();
    FlightLakeServer server;
    try {
      server = FlightLakeServer.start(lake, settings);
    } catch (RuntimeException e) {
      lake.close();
      throw e;
    }
    System.out.println(server.port());
    System.out.flush();
    System.err.println(
        "quacklake serve: "
            + server.uri()
            + (settings.token() == null ? "" : " (bearer token required)")
            + "; stop with Ctrl-C or SIGTERM");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  lake.close();
                },
                "quacklake-serve-shutdown"));
    server.awaitTermination();
    return 0;
  }

  private String token() {
    if (tokenFile != null) {
      try {
        return Files.readString(tokenFile).trim();
      } catch (IOException e) {
        throw QuacklakeException.invalid(
            "cannot read the token file %s: %s", tokenFile, e.getMessage());
      }
    }
    String env = System.getenv("QUACKLAKE_FLIGHT_TOKEN");
    return env == null || env.isBlank() ? null : env.trim();
  }
}
