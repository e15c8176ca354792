package io.quacklake.internal.expr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code column [NOT] LIKE / ILIKE pattern} on a text column: TRUE rows match ({@code wantMatch})
 * or do not; NULL values are UNKNOWN either way. Statistics never rule it out.
 */
record LikeNode(ColumnSlot column, Pattern regex, String pattern, byte[] prefix, boolean wantMatch)
    implements Node {

  /**
   * The UTF-8 bytes every match starts with — the pattern up to its first wildcard — for a
   * case-sensitive LIKE; null otherwise (ILIKE, NOT LIKE, or a pattern starting with a wildcard).
   */
  static byte[] prefix(String pattern, boolean caseInsensitive, boolean wantMatch) {
    if (caseInsensitive || !wantMatch) {
      return null;
    }
    int end = 0;
    while (end < pattern.length() && pattern.charAt(end) != '%' && pattern.charAt(end) != '_') {
      end++;
    }
    return end == 0 ? null : pattern.substring(0, end).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The regular expression of a LIKE pattern: {@code %} any run of characters, {@code _} any one
   * character (a code point), everything else itself; ILIKE compares Unicode case-insensitively.
   */
  static Pattern compile(String pattern, boolean caseInsensitive) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    pattern
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '%' || cp == '_') {
                if (literal.length() > 0) {
                  regex.append(Pattern.quote(literal.toString()));
                  literal.setLength(0);
                }
                regex.append(cp == '%' ? ".*" : ".");
              } else {
                literal.appendCodePoint(cp);
              }
            });
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    int flags = Pattern.DOTALL;
    if (caseInsensitive) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    return Pattern.compile(regex.toString(), flags);
  }

  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    VarCharVector v = (VarCharVector) vectors[column.slot()];
    Matcher m = regex.matcher("");
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      if (v.isNull(row)) {
        continue;
      }
      if (m.reset(new String(v.get(row), StandardCharsets.UTF_8)).matches() == wantMatch) {
        rows[k++] = row;
      }
    }
    return k;
  }

  /**
   * False when the column is all NULL, or when the values' bounds leave out every string that
   * starts with the pattern's literal prefix ({@code 'abc%'} cannot match values all below {@code
   * abc} or all above every {@code abc…}).
   */
  @Override
  public boolean mightMatch(StatsSource stats) {
    if (column.allNull(stats)) {
      return false;
    }
    if (prefix == null) {
      return true;
    }
    ColumnStats s = column.stats(stats);
    byte[] min = StatsKeys.bytesKey(s.min());
    byte[] max = StatsKeys.bytesKey(s.max());
    if (max != null && Arrays.compareUnsigned(max, prefix) < 0) {
      return false;
    }
    return min == null || Arrays.compareUnsigned(min, prefix) <= 0 || startsWith(min, prefix);
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length
        && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public String toString() {
    return column + (wantMatch ? " LIKE " : " NOT LIKE ") + SqlText.literal(pattern);
  }
}
