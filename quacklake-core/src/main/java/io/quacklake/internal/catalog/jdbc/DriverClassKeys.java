package io.quacklake.internal.catalog.jdbc;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogLocation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection keys whose value names a class the JDBC driver loads and instantiates (or a file it
 * writes): whoever writes the catalog location would run code in this process. A location may set
 * them only when its {@link CatalogLocation#driverClassKeys()} allows it; keys Quacklake sets
 * itself are not checked. Keys compare without case.
 */
public final class DriverClassKeys {
  /** pgjdbc's ({@code org.postgresql.PGProperty}) keys naming a class or a file to write. */
  static final Set<String> POSTGRES =
      Set.of(
          "socketfactory",
          "socketfactoryarg",
          "sslfactory",
          "sslfactoryarg",
          "sslhostnameverifier",
          "sslpasswordcallback",
          "authenticationpluginclassname",
          "connectexecutor",
          "connectexecutorarg",
          "xmlfactoryfactory",
          "classloaderstrategy",
          "loggerfile");

  /**
   * MariaDB Connector/J's keys naming a class or plugin, and MySQL Connector/J's (a {@code
   * jdbc:mysql:} URL would reach it if it were the registered driver).
   */
  static final Set<String> MYSQL =
      Set.of(
          "socketfactory",
          "tlssockettype",
          "authenticationplugins",
          "defaultauthenticationplugin",
          "exceptioninterceptors",
          "queryinterceptors",
          "connectionlifecycleinterceptors",
          "clientinfoprovider",
          "propertiestransform",
          "loadbalancestrategy",
          "ha.loadbalancestrategy",
          "loadbalanceexceptionchecker",
          "profilereventhandler",
          "logger");

  private static final Pattern URL_KEY = Pattern.compile("[?&;(]\\s*([^=&;()?#\\s]+)\\s*=");

  private DriverClassKeys() {}

  /**
   * Refuses a location that sets one of {@code keys} without allowing driver classes.
   *
   * @throws QuacklakeException INVALID_ARGUMENT naming the key
   */
  static void check(CatalogLocation location, Set<String> keys) {
    if (location.driverClassKeys()) {
      return;
    }
    for (String key : keysOf(location.target())) {
      if (keys.contains(key.toLowerCase(Locale.ROOT))) {
        throw QuacklakeException.invalid(
            "catalog location %s sets '%s', which makes the JDBC driver load a class or write a"
                + " file named by the location; remove it, or allow it for a location you trust"
                + " with --allow-driver-classes (LakeOptions.withDriverClassKeys(true))",
            location, key);
      }
    }
  }

  /** The keys a connection string or JDBC URL sets, as written (URL keys percent-decoded). */
  static List<String> keysOf(String target) {
    if (PostgresSettings.isUri(target)) {
      return new ArrayList<>(PostgresSettings.uri(target).keySet());
    }
    if (!target.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
      return new ArrayList<>(PostgresConnInfo.parse(target).keySet());
    }
    List<String> keys = new ArrayList<>();
    Matcher m = URL_KEY.matcher(target);
    while (m.find()) {
      keys.add(m.group(1));
      try {
        keys.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // not percent-encoded: the key as written is the one the driver sees
      }
    }
    return keys;
  }
}
