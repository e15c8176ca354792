package io.quacklake.internal.expr;

import io.quacklake.internal.expr.scalar.LikePattern;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code column [NOT] LIKE / ILIKE pattern} on a text column: TRUE rows match ({@code wantMatch})
 * or do not; NULL values are UNKNOWN either way. Matching is linear in the pattern times the value
 * (no backtracking blow-up); a literal prefix prunes by the bounds.
 */
record LikeNode(
    ColumnSlot column,
    LikePattern pattern,
    boolean caseInsensitive,
    String text,
    byte[] prefix,
    boolean wantMatch)
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

  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    VarCharVector v = (VarCharVector) vectors[column.slot()];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      if (v.isNull(row)) {
        continue;
      }
      String value = new String(v.get(row), StandardCharsets.UTF_8);
      if (pattern.matches(value) == wantMatch) {
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
    return column
        + (wantMatch ? "" : " NOT")
        + (caseInsensitive ? " ILIKE " : " LIKE ")
        + SqlText.literal(text);
  }
}
