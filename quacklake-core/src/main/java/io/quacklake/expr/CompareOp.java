package io.quacklake.expr;

/** A comparison operator. */
public enum CompareOp {
  EQ("="),
  NE("<>"),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  /** The SQL symbol. */
  public String symbol() {
    return symbol;
  }

  /**
   * The operator with the same truth value for every non-NULL pair: {@code NOT (a < b)} is {@code a
   * >= b}.
   */
  public CompareOp negate() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case LT -> GE;
      case LE -> GT;
      case GT -> LE;
      case GE -> LT;
    };
  }

  /** The operator for swapped operands: {@code a < b} is {@code b > a}. */
  public CompareOp flip() {
    return switch (this) {
      case EQ, NE -> this;
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
    };
  }

  /** Whether a comparison result ({@code <0}, {@code 0}, {@code >0}) satisfies this operator. */
  public boolean test(int cmp) {
    return switch (this) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
    };
  }
}
