package io.quacklake.internal.catalog.jdbc;

import io.quacklake.exceptions.QuacklakeException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL connection string as DuckDB takes it: libpq {@code key=value} pairs ({@code
 * dbname=lake host=127.0.0.1 port=5432 user=postgres password=...}, values optionally quoted with
 * {@code '}), or a {@code jdbc:postgresql:} URL. A {@code host} that is a directory is the server's
 * Unix-socket directory, as in libpq. Passwords are never printed.
 */
final class PostgresConnInfo {
  private PostgresConnInfo() {}

  /**
   * The JDBC URL for a connection string. Host and port are checked and the database name is
   * percent-encoded (pgjdbc decodes it), so no value can add URL parameters.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a host or port that is not one
   */
  static String url(String target) {
    return url(target, PostgresSettings.systemEnvironment());
  }

  /** As {@link #url(String)}, resolving services and variables from {@code env}. */
  static String url(String target, Map<String, String> env) {
    if (target.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      return target;
    }
    Map<String, String> kv = PostgresSettings.resolve(target, env);
    String host = kv.getOrDefault("host", "127.0.0.1");
    ServerAddress address =
        new ServerAddress(
            UnixSocket.isDirectory(host) ? "localhost" : host, kv.getOrDefault("port", "5432"));
    String db = kv.getOrDefault("dbname", kv.getOrDefault("user", "postgres"));
    return "jdbc:postgresql://" + address.authority() + "/" + ServerAddress.encoded(db);
  }

  /** Connection properties (user, password, others passed through). */
  static Properties properties(String target) {
    return properties(target, PostgresSettings.systemEnvironment());
  }

  /**
   * Connection properties of the resolved settings ({@link PostgresSettings}: service file, {@code
   * PG*} variables, password file, all from {@code env}).
   */
  static Properties properties(String target, Map<String, String> env) {
    Properties p = new Properties();
    if (!target.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      Map<String, String> kv = PostgresSettings.resolve(target, env);
      String host = kv.get("host");
      if (UnixSocket.isDirectory(host)) {
        UnixSocket.configure(p, host, kv.getOrDefault("port", "5432"));
      }
      kv.forEach(
          (k, v) -> {
            switch (k) {
              case "host", "port", "dbname" -> {}
              case "user" -> p.setProperty("user", v);
              case "password" -> p.setProperty("password", v);
              case "sslmode" -> p.setProperty("sslmode", v);
              case "connect_timeout" -> p.setProperty("connectTimeout", v);
              case "currentschema" -> p.setProperty("currentSchema", v);
              default -> p.setProperty(k, v);
            }
          });
    }
    if (!p.containsKey("connectTimeout")) {
      p.setProperty("connectTimeout", "10");
    }
    return p;
  }

  /** The metadata schema the connection string names ({@code currentSchema}), or null. */
  static String schema(String target) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)currentSchema=([A-Za-z0-9_]+)").matcher(target);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The pairs of a libpq connection string, keys in lower case, values unquoted as libpq reads
   * them: white space around {@code =} is optional, a value in {@code '} may hold spaces, and a
   * backslash escapes the next character in quoted and unquoted values.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for text without {@code =} or an unclosed quote
   *     (the message names the key, never a value)
   */
  static Map<String, String> parse(String conninfo) {
    Map<String, String> out = new LinkedHashMap<>();
    String s = conninfo;
    int i = skipSpace(s, 0);
    String previous = null;
    while (i < s.length()) {
      int keyEnd = i;
      while (keyEnd < s.length()
          && s.charAt(keyEnd) != '='
          && !Character.isWhitespace(s.charAt(keyEnd))) {
        keyEnd++;
      }
      int eq = skipSpace(s, keyEnd);
      if (eq >= s.length() || s.charAt(eq) != '=') {
        throw QuacklakeException.invalid(
            "PostgreSQL connection string has text without '=' %s; use key=value pairs such as"
                + " dbname=lake host=127.0.0.1 user=postgres, and quote values with spaces:"
                + " password='a b'",
            previous == null ? "at its start" : "after the value of '" + previous + "'");
      }
      String key = s.substring(i, keyEnd).toLowerCase(Locale.ROOT);
      i = skipSpace(s, eq + 1);
      StringBuilder value = new StringBuilder();
      boolean quoted = i < s.length() && s.charAt(i) == '\'';
      if (quoted) {
        i++;
      }
      while (i < s.length()) {
        char c = s.charAt(i);
        if (quoted ? c == '\'' : Character.isWhitespace(c)) {
          break;
        }
        if (c == '\\' && i + 1 < s.length()) {
          c = s.charAt(++i);
        }
        value.append(c);
        i++;
      }
      if (quoted) {
        if (i >= s.length()) {
          throw QuacklakeException.invalid(
              "PostgreSQL connection string has an unterminated quoted value for '%s'; close it"
                  + " with ' and write a quote inside a value as \\'",
              key);
        }
        i++;
      }
      out.put(key, value.toString());
      previous = key;
      i = skipSpace(s, i);
    }
    return out;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
