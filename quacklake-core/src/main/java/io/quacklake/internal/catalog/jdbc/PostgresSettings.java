package io.quacklake.internal.catalog.jdbc;

import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a PostgreSQL connection string resolves to, as libpq resolves it: the string's own settings
 * ({@code key=value} pairs or a {@code postgresql://} URI) over those of the service it names in
 * the service file ({@code PGSERVICEFILE}, {@code ~/.pg_service.conf}, {@code
 * PGSYSCONFDIR/pg_service.conf}) over the {@code PG*} environment variables; a missing password
 * comes from {@code PGPASSWORD} or the password file ({@code PGPASSFILE}, {@code ~/.pgpass}). Files
 * and variables come from an injectable environment map ({@code HOME} included).
 */
final class PostgresSettings {
  private static final Map<String, String> VARIABLES =
      Map.of(
          "PGHOST", "host",
          "PGPORT", "port",
          "PGDATABASE", "dbname",
          "PGUSER", "user",
          "PGPASSWORD", "password",
          "PGSSLMODE", "sslmode",
          "PGCONNECT_TIMEOUT", "connect_timeout",
          "PGSERVICE", "service");

  private PostgresSettings() {}

  /** The process environment with {@code HOME} defaulting to the user's home directory. */
  static Map<String, String> systemEnvironment() {
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    env.putIfAbsent("HOME", System.getProperty("user.home"));
    return env;
  }

  /**
   * The resolved settings, keys in lower case (libpq's names).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a malformed URI or an unknown service
   */
  static Map<String, String> resolve(String target, Map<String, String> env) {
    Map<String, String> given = isUri(target) ? uri(target) : PostgresConnInfo.parse(target);
    Map<String, String> out = new LinkedHashMap<>();
    VARIABLES.forEach(
        (variable, key) -> {
          String v = env.get(variable);
          if (v != null && !v.isEmpty()) {
            out.put(key, v);
          }
        });
    String service = given.getOrDefault("service", out.get("service"));
    if (service != null) {
      out.putAll(service(service, env));
    }
    out.putAll(given);
    out.remove("service");
    if (!out.containsKey("password")) {
      String password = passwordFile(out, env);
      if (password != null) {
        out.put("password", password);
      }
    }
    return out;
  }

  static boolean isUri(String target) {
    String t = target.toLowerCase(Locale.ROOT);
    return t.startsWith("postgresql://") || t.startsWith("postgres://");
  }

  /** {@code postgresql://[user[:password]@][host][:port][/dbname][?key=value&...]}. */
  static Map<String, String> uri(String target) {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw QuacklakeException.invalid(
          "the PostgreSQL URI is not valid (%s); write postgresql://user@host:5432/dbname",
          e.getReason());
    }
    Map<String, String> out = new LinkedHashMap<>();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      out.put("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        out.put("password", decode(userInfo.substring(colon + 1)));
      }
    }
    if (uri.getHost() != null && !uri.getHost().isEmpty()) {
      out.put("host", uri.getHost().replaceAll("^\\[|\\]$", ""));
    }
    if (uri.getPort() >= 0) {
      out.put("port", Integer.toString(uri.getPort()));
    }
    String path = uri.getRawPath();
    if (path != null && path.length() > 1) {
      out.put("dbname", decode(path.substring(1)));
    }
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(
              decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT),
              decode(pair.substring(eq + 1)));
        }
      }
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The settings of {@code [name]} in the first service file that has it. */
  private static Map<String, String> service(String name, Map<String, String> env) {
    for (Path file : serviceFiles(env)) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Map<String, String> section = section(file, name);
      if (section != null) {
        return section;
      }
    }
    throw QuacklakeException.invalid(
        "service '%s' is not defined in any PostgreSQL service file (PGSERVICEFILE,"
            + " ~/.pg_service.conf, PGSYSCONFDIR/pg_service.conf)",
        name);
  }

  private static List<Path> serviceFiles(Map<String, String> env) {
    List<Path> out = new java.util.ArrayList<>();
    if (env.get("PGSERVICEFILE") != null) {
      out.add(Path.of(env.get("PGSERVICEFILE")));
    } else if (env.get("HOME") != null) {
      out.add(Path.of(env.get("HOME"), ".pg_service.conf"));
    }
    if (env.get("PGSYSCONFDIR") != null) {
      out.add(Path.of(env.get("PGSYSCONFDIR"), "pg_service.conf"));
    }
    return out;
  }

  private static Map<String, String> section(Path file, String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw QuacklakeException.invalid("cannot read the PostgreSQL service file %s", file);
    }
    Map<String, String> out = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        if (out != null) {
          return out;
        }
        if (line.substring(1, line.length() - 1).strip().equals(name)) {
          out = new LinkedHashMap<>();
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (out != null && eq > 0) {
        out.put(
            line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
      }
    }
    return out;
  }

  /** The password of the first matching line of the password file, or null. */
  private static String passwordFile(Map<String, String> settings, Map<String, String> env) {
    Path file =
        env.get("PGPASSFILE") != null
            ? Path.of(env.get("PGPASSFILE"))
            : env.get("HOME") == null ? null : Path.of(env.get("HOME"), ".pgpass");
    if (file == null || !Files.isRegularFile(file) || !privateFile(file)) {
      return null;
    }
    String host = settings.getOrDefault("host", "localhost");
    String port = settings.getOrDefault("port", "5432");
    String user = settings.getOrDefault("user", env.getOrDefault("USER", "postgres"));
    String db = settings.getOrDefault("dbname", user);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> f = fields(line);
      if (f.size() == 5
          && matches(f.get(0), host)
          && matches(f.get(1), port)
          && matches(f.get(2), db)
          && matches(f.get(3), user)) {
        return f.get(4);
      }
    }
    return null;
  }

  /**
   * Whether only its owner can read the password file; libpq ignores it otherwise (with a warning),
   * so a password file others can read never supplies a password here either.
   */
  private static boolean privateFile(Path file) {
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> p =
          Files.getPosixFilePermissions(file);
      boolean shared =
          p.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
              || p.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
      if (shared) {
        org.slf4j.LoggerFactory.getLogger(PostgresSettings.class)
            .warn(
                "password file {} is readable by others; it is ignored (chmod 0600 it), as libpq"
                    + " does",
                file);
      }
      return !shared;
    } catch (UnsupportedOperationException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean matches(String pattern, String value) {
    return pattern.equals("*")
        || pattern.equals(value)
        || (pattern.equals("localhost") && value.equals("127.0.0.1"));
  }

  /** The {@code :}-separated fields of a password-file line ({@code \:} and {@code \\} escaped). */
  private static List<String> fields(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        current.append(line.charAt(++i));
      } else if (c == ':' && out.size() < 4) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }
}
