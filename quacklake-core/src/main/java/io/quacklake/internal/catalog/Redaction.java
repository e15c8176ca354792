package io.quacklake.internal.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the secrets of catalog locations in any text that may echo one: values of keys naming a
 * password, secret or token ({@code password=}, {@code passwd=}, {@code pwd=}, {@code
 * sslpassword=}, {@code s3.secret-access-key=} ...) in libpq connection strings (quoted with {@code
 * '} and backslash escapes, as libpq reads them) and in JDBC URL parameters ({@code ?}/ {@code
 * &}/{@code ;}/{@code (key=value)}), and the password of URL user info ({@code
 * scheme://user:password@host}). Every message holding a location or a driver's text about one
 * passes through here.
 */
public final class Redaction {
  /** What a hidden value is replaced by. */
  public static final String MASK = "***";

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i)(?<![A-Za-z0-9_.\\-])[A-Za-z0-9_.\\-]*(?:password|passwd|pwd|secret|token)"
              + "[A-Za-z0-9_.\\-]*\\s*=\\s*");
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.\\-]*://[^\\s/?#@:]*):([^\\s/?#]*)@");

  /** Driver messages shorter than this are not searched for literal secrets (too many hits). */
  private static final int MIN_LITERAL = 4;

  private Redaction() {}

  /** {@code text} with every secret it holds replaced by {@link #MASK}; null stays null. */
  public static String redact(String text) {
    return text == null ? null : rewrite(text, null);
  }

  /**
   * The secret values {@code location} holds, as written and as a driver may print them (unquoted,
   * unescaped, percent-decoded).
   */
  static Set<String> secrets(String location) {
    List<String> found = new ArrayList<>();
    rewrite(location, found);
    Set<String> out = new LinkedHashSet<>();
    for (String s : found) {
      out.add(s);
      out.add(unquoted(s));
      out.add(percentDecoded(unquoted(s)));
    }
    out.removeIf(s -> s.length() < MIN_LITERAL);
    return out;
  }

  /**
   * A copy of a driver's exception about {@code location} whose messages (its own and its causes')
   * hold none of the location's secrets; SQLSTATE, vendor code and stack traces are kept.
   */
  public static SQLException redacted(SQLException e, String location) {
    Set<String> secrets = secrets(location);
    SQLException copy =
        new SQLException(scrub(e.getMessage(), secrets), e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      copy.initCause(redactedCause(cause, secrets, 0));
    }
    return copy;
  }

  private static Throwable redactedCause(Throwable t, Set<String> secrets, int depth) {
    String message = t.getClass().getSimpleName() + ": " + scrub(t.getMessage(), secrets);
    Exception copy = new Exception(message);
    copy.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause();
    if (cause != null && cause != t && depth < 8) {
      copy.initCause(redactedCause(cause, secrets, depth + 1));
    }
    return copy;
  }

  private static String scrub(String message, Set<String> secrets) {
    if (message == null) {
      return null;
    }
    String out = message;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return redact(out);
  }

  /** Rewrites {@code text} with secrets masked; the masked values go to {@code found} if given. */
  private static String rewrite(String text, List<String> found) {
    StringBuilder out = new StringBuilder(text.length());
    Matcher key = SECRET_KEY.matcher(text);
    int copied = 0;
    int from = 0;
    while (from < text.length() && key.find(from)) {
      int valueStart = key.end();
      char before = key.start() == 0 ? ' ' : text.charAt(key.start() - 1);
      boolean urlParameter = "?&;(".indexOf(before) >= 0;
      int valueEnd =
          text.startsWith(MASK, valueStart)
              ? valueStart + MASK.length()
              : valueEnd(text, valueStart, urlParameter);
      out.append(text, copied, valueStart).append(MASK);
      if (found != null && valueEnd > valueStart) {
        found.add(text.substring(valueStart, valueEnd));
      }
      copied = valueEnd;
      from = Math.max(valueEnd, key.end());
    }
    out.append(text, copied, text.length());
    Matcher user = USER_INFO.matcher(out);
    StringBuilder result = new StringBuilder(out.length());
    while (user.find()) {
      if (found != null && !user.group(2).isEmpty()) {
        found.add(user.group(2));
      }
      user.appendReplacement(result, Matcher.quoteReplacement(user.group(1) + ":" + MASK + "@"));
    }
    user.appendTail(result);
    return result.toString();
  }

  /**
   * Where the value starting at {@code start} ends: after its closing quote for a quoted value
   * (backslash escapes as in libpq), else at white space, and in a URL parameter also at {@code &},
   * {@code ;}, {@code )} or {@code #}.
   */
  private static int valueEnd(String text, int start, boolean urlParameter) {
    int i = start;
    if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
      char quote = text.charAt(i++);
      while (i < text.length() && text.charAt(i) != quote) {
        i += text.charAt(i) == '\\' ? 2 : 1;
      }
      return Math.min(text.length(), i + 1);
    }
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || (urlParameter && "&;)#".indexOf(c) >= 0)) {
        break;
      }
      i += c == '\\' && !urlParameter ? 2 : 1;
    }
    return Math.min(text.length(), i);
  }

  private static String unquoted(String value) {
    String v = value;
    if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"')) {
      v = v.substring(1, v.charAt(v.length() - 1) == v.charAt(0) ? v.length() - 1 : v.length());
    }
    return v.replaceAll("\\\\(.)", "$1");
  }

  private static String percentDecoded(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    try {
      return java.net.URLDecoder.decode(
          value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
