package io.quacklake.internal.expr.scalar;

import java.util.Locale;

/**
 * A LIKE / ILIKE pattern as DuckDB matches it: {@code %} any run of characters, {@code _} any one,
 * no escape character; ILIKE compares lower-cased text.
 */
public final class LikePattern {
  private final int[] pattern;
  private final boolean caseInsensitive;

  public LikePattern(String pattern, boolean caseInsensitive) {
    this.pattern = codePoints(pattern, caseInsensitive);
    this.caseInsensitive = caseInsensitive;
  }

  /** Whether {@code value} matches. */
  public boolean matches(String value) {
    return matches(pattern, codePoints(value, caseInsensitive));
  }

  private static int[] codePoints(String text, boolean lower) {
    return (lower ? text.toLowerCase(Locale.ROOT) : text).codePoints().toArray();
  }

  /**
   * The greedy wildcard match that returns to the last {@code %} on a mismatch — at most pattern ×
   * value steps, never exponential, whatever the pattern.
   */
  private static boolean matches(int[] p, int[] v) {
    int pi = 0;
    int vi = 0;
    int star = -1;
    int resume = 0;
    while (vi < v.length) {
      if (pi < p.length && p[pi] == '%') {
        star = pi++;
        resume = vi;
      } else if (pi < p.length && (p[pi] == '_' || p[pi] == v[vi])) {
        pi++;
        vi++;
      } else if (star >= 0) {
        pi = star + 1;
        vi = ++resume;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == '%') {
      pi++;
    }
    return pi == p.length;
  }
}
