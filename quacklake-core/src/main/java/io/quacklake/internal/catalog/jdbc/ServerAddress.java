package io.quacklake.internal.catalog.jdbc;

import io.quacklake.exceptions.QuacklakeException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The host and port of a server catalog as they go into a JDBC URL. Both are checked, so that no
 * value from a connection string can change the URL's structure or add driver parameters.
 *
 * @param host a host name, an IPv4 address or an IPv6 address (bracketed or not); PostgreSQL also
 *     takes a comma-separated list
 * @param port a port number (PostgreSQL: or a comma-separated list)
 */
record ServerAddress(String host, String port) {
  ServerAddress {
    if (host == null || !host.matches("[A-Za-z0-9._\\-:\\[\\],%]+")) {
      throw QuacklakeException.invalid(
          "catalog host '%s' is not a host name or IP address; write e.g. host=127.0.0.1 or"
              + " host=db.example.com",
          host);
    }
    if (port == null || !port.matches("[0-9]{1,5}(,[0-9]{1,5})*")) {
      throw QuacklakeException.invalid(
          "catalog port '%s' is not a port number; write e.g. port=5432", port);
    }
  }

  /** {@code host:port} for a JDBC URL, an IPv6 address in brackets. */
  String authority() {
    boolean ipv6 = host.indexOf(':') >= 0 && host.indexOf(',') < 0 && !host.startsWith("[");
    return (ipv6 ? "[" + host + "]" : host) + ":" + port;
  }

  /** A URL path segment or parameter value holding {@code value} percent-encoded. */
  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
