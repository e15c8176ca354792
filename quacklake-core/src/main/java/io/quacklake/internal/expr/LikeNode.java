package io.quacklake.internal.expr;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code column [NOT] LIKE / ILIKE pattern} on a text column: TRUE rows match ({@code wantMatch})
 * or do not; NULL values are UNKNOWN either way. Statistics never rule it out.
 */
record LikeNode(ColumnSlot column, Pattern regex, String pattern, boolean wantMatch)
    implements Node {

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

  @Override
  public boolean mightMatch(StatsSource stats) {
    return !column.allNull(stats);
  }

  @Override
  public String toString() {
    return column + (wantMatch ? " LIKE " : " NOT LIKE ") + SqlText.literal(pattern);
  }
}
