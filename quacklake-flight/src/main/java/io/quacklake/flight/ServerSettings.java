package io.quacklake.flight;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How a {@link FlightLakeServer} listens.
 *
 * @param host the address to bind; anything but a loopback address needs a token and TLS
 * @param port the port, 0 for a free one
 * @param token the bearer token every call must carry, or null for none (loopback only)
 * @param tlsCertificate PEM certificate chain, or null for plain gRPC (loopback only)
 * @param tlsKey PEM private key (PKCS#8) of the certificate, or null
 * @param storage settings of the lake's data store, for scans split across endpoints
 */
public record ServerSettings(
    String host,
    int port,
    String token,
    Path tlsCertificate,
    Path tlsKey,
    StorageSettings storage) {

  /** Loopback, port 8815, no token, no TLS, local files. */
  public static ServerSettings loopback(int port) {
    return new ServerSettings("127.0.0.1", port, null, null, null, StorageSettings.NONE);
  }

  public ServerSettings {
    if (port < 0 || port > 65535) {
      throw QuacklakeException.invalid("port %d is not between 0 and 65535", port);
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw QuacklakeException.invalid("TLS needs both a certificate chain and its private key");
    }
    if (token != null && token.isBlank()) {
      throw QuacklakeException.invalid("the bearer token is empty; give a token or none");
    }
    storage = storage == null ? StorageSettings.NONE : storage;
  }

  /** Whether calls are encrypted. */
  public boolean tls() {
    return tlsCertificate != null;
  }

  /**
   * Refuses to open a writable lake to the network by accident: a host that is not a loopback
   * address needs both a token and TLS.
   *
   * @throws QuacklakeException INVALID_ARGUMENT otherwise, or for a host name that does not resolve
   */
  public void requireSafeExposure() {
    boolean loopback;
    try {
      loopback = InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw QuacklakeException.invalid("host %s does not resolve", host);
    }
    if (!loopback && (token == null || !tls())) {
      throw QuacklakeException.invalid(
          "serving on %s, which is not a loopback address, needs a bearer token (--token-file or"
              + " QUACKLAKE_FLIGHT_TOKEN) and TLS (--tls-cert and --tls-key): anyone who reaches"
              + " the port could change the lake",
          host);
    }
  }
}
