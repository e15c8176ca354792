package io.quacklake.expr;

/** An arithmetic operator, with DuckDB's meaning. */
public enum ArithmeticOp {
  /** Addition; also date/timestamp plus days or an interval. */
  ADD("+"),
  /** Subtraction; also the days between dates or the interval between timestamps. */
  SUBTRACT("-"),
  MULTIPLY("*"),
  /** Division, always in DOUBLE (as DuckDB's {@code /}); a zero divisor gives ±inf or NaN. */
  DIVIDE("/"),
  /** Remainder with the dividend's sign; a zero divisor gives NULL. */
  MODULO("%"),
  /** Text concatenation; NULL when either side is NULL (unlike {@code concat()}). */
  CONCAT("||");

  private final String symbol;

  ArithmeticOp(String symbol) {
    this.symbol = symbol;
  }

  /** The SQL symbol. */
  public String symbol() {
    return symbol;
  }
}
