package io.quacklake.internal.txn;

/**
 * A catalog name compared the way DuckDB's case-insensitive maps compare it: ASCII letters fold to
 * lower case, every other character is kept.
 */
record NameKey(String folded) {
  static NameKey of(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      out.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
    }
    return new NameKey(out.toString());
  }
}
