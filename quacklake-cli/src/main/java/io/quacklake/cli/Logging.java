package io.quacklake.cli;

import io.quacklake.exceptions.QuacklakeException;
import java.util.List;
import java.util.Locale;

/**
 * The CLI's logger: SLF4J's simple logger to stderr, one line per event ({@code INFO Committer -
 * ...}), at {@code warn} unless {@code --log-level} or {@code QUACKLAKE_LOG_LEVEL} says otherwise.
 * It must be configured before the first logger is made, which the option parser does.
 */
final class Logging {
  static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace", "off");

  private Logging() {}

  /**
   * Sets the level (and the line layout) of every logger made afterwards.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for an unknown level
   */
  static void configure(String level) {
    String l = level.trim().toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(l)) {
      throw QuacklakeException.invalid("--log-level '%s' is not one of %s", level, LEVELS);
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", l);
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    // the connection pool's shutdown chatter ("timed out waiting for ... executor") is not the
    // user's business unless they ask for debug output
    if (!l.equals("debug") && !l.equals("trace")) {
      System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "error");
      // the Azure SDK logs every failure before it throws it (the CLI reports it once, in its
      // own words) and warns on every upload that it leaves Content-Length to the JDK
      System.setProperty("org.slf4j.simpleLogger.log.com.azure", "off");
    }
  }

  /**
   * The default: {@code QUACKLAKE_LOG_LEVEL}, else warn (also when the variable is not a level).
   */
  static void configureDefault() {
    String env = System.getenv("QUACKLAKE_LOG_LEVEL");
    if (env != null && LEVELS.contains(env.trim().toLowerCase(Locale.ROOT))) {
      configure(env);
    } else {
      if (env != null && !env.isBlank()) {
        System.err.println(
            "quacklake: QUACKLAKE_LOG_LEVEL='"
                + env
                + "' is not one of "
                + LEVELS
                + "; using warn");
      }
      configure("warn");
    }
  }
}
