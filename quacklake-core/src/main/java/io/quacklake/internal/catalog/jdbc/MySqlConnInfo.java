package io.quacklake.internal.catalog.jdbc;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A MySQL/MariaDB connection string as DuckDB takes it ({@code host=127.0.0.1 port=3306 user=root
 * password=... database=lake}), or a {@code jdbc:mariadb:} / {@code jdbc:mysql:} URL (the MariaDB
 * driver serves both).
 */
final class MySqlConnInfo {
  private MySqlConnInfo() {}

  /**
   * The JDBC URL: for a connection string only the checked host and port, as the database name and
   * credentials travel as connection properties (the driver does not decode URL parts, so no value
   * can be written into the URL safely).
   */
  static String url(String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:mariadb:")) {
      return target;
    }
    if (lower.startsWith("jdbc:mysql:")) {
      return "jdbc:mariadb:" + target.substring("jdbc:mysql:".length());
    }
    Map<String, String> kv = PostgresConnInfo.parse(target);
    ServerAddress address =
        new ServerAddress(kv.getOrDefault("host", "127.0.0.1"), kv.getOrDefault("port", "3306"));
    return "jdbc:mariadb://" + address.authority() + "/";
  }

  static Properties properties(String target) {
    return properties(target, System.getenv());
  }

  /**
   * Connection properties; without a password in the connection string, {@code MYSQL_PWD} from
   * {@code env} supplies it, as the mysql client does.
   */
  static Properties properties(String target, Map<String, String> env) {
    Properties p = new Properties();
    String lower = target.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:")) {
      Map<String, String> kv = PostgresConnInfo.parse(target);
      if (kv.containsKey("user")) {
        p.setProperty("user", kv.get("user"));
      }
      if (kv.containsKey("password") || kv.containsKey("passwd")) {
        p.setProperty("password", kv.getOrDefault("password", kv.get("passwd")));
      }
      String db = kv.getOrDefault("database", kv.getOrDefault("db", kv.get("dbname")));
      if (db != null && !db.isEmpty()) {
        p.setProperty("database", db);
      }
    }
    if (!p.containsKey("password") && env.get("MYSQL_PWD") != null) {
      p.setProperty("password", env.get("MYSQL_PWD"));
    }
    p.setProperty("connectTimeout", "10000");
    // ANSI quotes: the shared catalog SQL quotes identifiers with double quotes.
    p.setProperty("sessionVariables", "sql_mode='ANSI_QUOTES,STRICT_TRANS_TABLES'");
    return p;
  }
}
