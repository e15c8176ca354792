package io.quacklake.expr;

/** Placeholder until the expression package lands. */
public final class Expressions {
  private Expressions() {}

  public static Expression parse(String sql) {
    throw new UnsupportedOperationException("TODO");
  }
}
