package io.quacklake.internal.catalog;

/** The half-open visibility rule of versioned catalog rows, as SQL. */
final class Visibility {
  private Visibility() {}

  /** {@code begin <= S AND (end IS NULL OR S < end)}; binds the snapshot twice. */
  static String at(String alias) {
    String p = alias.isEmpty() ? "" : alias + ".";
    return "("
        + p
        + "begin_snapshot <= ? AND ("
        + p
        + "end_snapshot IS NULL OR "
        + p
        + "end_snapshot > ?))";
  }
}
