package io.quacklake.internal.catalog.jdbc;

import io.quacklake.exceptions.QuacklakeException;
import java.util.Properties;

/**
 * PostgreSQL over a Unix socket, as libpq's {@code host=/var/run/postgresql}: pgjdbc connects
 * through junixsocket's socket factory to {@code DIR/.s.PGSQL.PORT}. The factory is set here, by
 * Quacklake, never taken from the location (where driver class keys are refused).
 */
final class UnixSocket {
  static final String FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";

  private UnixSocket() {}

  /** Whether a libpq host names a socket directory (an absolute path) rather than a server. */
  static boolean isDirectory(String host) {
    return host != null && host.startsWith("/");
  }

  /**
   * Points {@code p} at the socket of {@code port} in {@code directory}.
   *
   * @throws QuacklakeException UNSUPPORTED when junixsocket is not on the class path
   */
  static void configure(Properties p, String directory, String port) {
    try {
      Class.forName(FACTORY, false, UnixSocket.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw QuacklakeException.unsupported(
          "host=%s is a Unix-socket directory, which needs junixsocket"
              + " (com.kohlschutter.junixsocket:junixsocket-core) on the class path; add it, or use"
              + " the server's TCP address, e.g. host=127.0.0.1",
          directory);
    }
    String dir = directory.endsWith("/") ? directory : directory + "/";
    p.setProperty("socketFactory", FACTORY);
    p.setProperty("socketFactoryArg", dir + ".s.PGSQL." + port);
    p.setProperty("sslmode", p.getProperty("sslmode", "disable"));
  }
}
