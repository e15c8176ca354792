package io.quacklake.catalog;

import io.quacklake.QuacklakeException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL connection string as DuckDB takes it: libpq {@code key=value} pairs ({@code
 * dbname=lake host=127.0.0.1 port=5432 user=postgres password=...}, values optionally quoted with
 * {@code '}), or a {@code jdbc:postgresql:} URL. Passwords are never printed.
 */
final class PostgresConnInfo {
  private PostgresConnInfo() {}

  /** The JDBC URL for a connection string. */
  static String url(String target) {
    if (target.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      return target;
    }
    Map<String, String> kv = parse(target);
    String host = kv.getOrDefault("host", "127.0.0.1");
    String port = kv.getOrDefault("port", "5432");
    String db = kv.getOrDefault("dbname", kv.getOrDefault("user", "postgres"));
    return "jdbc:postgresql://" + host + ":" + port + "/" + db;
  }

  /** Connection properties (user, password, others passed through). */
  static Properties properties(String target) {
    return properties(target, System.getenv());
  }

  /**
   * Connection properties; without a password in the connection string, {@code PGPASSWORD} from
   * {@code env} supplies it, as libpq does.
   */
  static Properties properties(String target, Map<String, String> env) {
    Properties p = new Properties();
    if (!target.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      Map<String, String> kv = parse(target);
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
    if (!p.containsKey("password") && env.get("PGPASSWORD") != null) {
      p.setProperty("password", env.get("PGPASSWORD"));
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

  /** The string with any password replaced by {@code ***}. */
  static String redacted(String target) {
    return target.replaceAll("(?i)((?:password|passwd)\\s*=\\s*)('[^']*'|\\S+)", "$1***");
  }

  static Map<String, String> parse(String conninfo) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    String s = conninfo.trim();
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int eq = s.indexOf('=', i);
      if (eq < 0) {
        if (i < s.length()) {
          throw QuacklakeException.invalid(
              "PostgreSQL connection string '%s' has '%s' without '='; use key=value pairs such"
                  + " as dbname=lake host=127.0.0.1 user=postgres",
              redacted(conninfo), s.substring(i));
        }
        break;
      }
      String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '\'') {
        i++;
        while (i < s.length() && s.charAt(i) != '\'') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          value.append(s.charAt(i++));
        }
        i++;
      } else {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
          value.append(s.charAt(i++));
        }
      }
      out.put(key, value.toString());
    }
    return out;
  }
}
