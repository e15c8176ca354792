package io.quacklake.spark.write;

import io.quacklake.expr.Expression;

/**
 * What a write replaces before its rows are added, in the same commit.
 *
 * @param kind append, truncate (every row), overwrite (the rows {@code filter} matches), or dynamic
 *     (the partitions the written rows fall in)
 * @param filter the rows an overwrite replaces
 */
record WriteMode(Kind kind, Expression filter) {
  enum Kind {
    APPEND,
    TRUNCATE,
    OVERWRITE,
    DYNAMIC
  }

  static final WriteMode APPEND = new WriteMode(Kind.APPEND, null);
}
