package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.ArithmeticOp;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;

/**
 * Types arithmetic on dates, times, timestamps and intervals as DuckDB does: DATE ± integer is a
 * DATE, DATE - DATE a BIGINT of days, DATE or TIMESTAMP ± INTERVAL a TIMESTAMP (TIMESTAMPTZ stays
 * TIMESTAMPTZ), TIMESTAMP - TIMESTAMP an INTERVAL, TIME ± INTERVAL a TIME, INTERVAL ± INTERVAL and
 * INTERVAL * integer an INTERVAL.
 */
final class TemporalArithmetic {
  private TemporalArithmetic() {}

  static Scalar bind(ArithmeticOp op, Scalar l, Scalar r) {
    LakeType lt = l.type();
    LakeType rt = r.type();
    boolean add = op == ArithmeticOp.ADD;
    boolean addOrSubtract = add || op == ArithmeticOp.SUBTRACT;
    if (lt.id() == TypeId.DATE && days(rt) && addOrSubtract) {
      return of(op, ArithmeticScalar.Kind.DATE_DAYS, l, r, ScalarTypes.DATE);
    }
    if (days(lt) && rt.id() == TypeId.DATE && add) {
      return of(op, ArithmeticScalar.Kind.DATE_DAYS, r, l, ScalarTypes.DATE);
    }
    if (lt.id() == TypeId.DATE && rt.id() == TypeId.DATE && op == ArithmeticOp.SUBTRACT) {
      return of(op, ArithmeticScalar.Kind.DATE_DIFFERENCE, l, r, ScalarTypes.BIGINT);
    }
    boolean li = lt.id() == TypeId.INTERVAL;
    boolean ri = rt.id() == TypeId.INTERVAL;
    if (ScalarTypes.isDateOrTimestamp(lt) && ri && addOrSubtract) {
      return shifted(op, l, r);
    }
    if (li && ScalarTypes.isDateOrTimestamp(rt) && add) {
      return shifted(op, r, l);
    }
    if (ScalarTypes.isTimestamp(lt) && ScalarTypes.isTimestamp(rt) && op == ArithmeticOp.SUBTRACT) {
      LakeType common = ScalarTypes.common(lt, rt, "a subtraction");
      return of(
          op,
          ArithmeticScalar.Kind.TIMESTAMP_DIFFERENCE,
          ScalarBinder.coerce(l, common),
          ScalarBinder.coerce(r, common),
          ScalarTypes.INTERVAL);
    }
    if (ScalarTypes.isTime(lt) && ri && addOrSubtract) {
      return of(op, ArithmeticScalar.Kind.TIME_INTERVAL, l, r, ScalarTypes.TIME);
    }
    if (li && ScalarTypes.isTime(rt) && add) {
      return of(op, ArithmeticScalar.Kind.TIME_INTERVAL, r, l, ScalarTypes.TIME);
    }
    if (li && ri && addOrSubtract) {
      return of(op, ArithmeticScalar.Kind.INTERVAL, l, r, ScalarTypes.INTERVAL);
    }
    if (op == ArithmeticOp.MULTIPLY
        && ((li && ScalarTypes.isInteger(rt)) || (ri && ScalarTypes.isInteger(lt)))) {
      return of(op, ArithmeticScalar.Kind.INTERVAL_SCALE, l, r, ScalarTypes.INTERVAL);
    }
    throw QuacklakeException.invalid(
        "Cannot apply %s to %s and %s; CAST the operands to numbers, or use a DATE/TIMESTAMP with"
            + " an INTERVAL",
        op.symbol(), ScalarTypes.name(lt), ScalarTypes.name(rt));
  }

  /** Integer types DuckDB adds to a DATE (those that fit an INTEGER; BIGINT does not). */
  private static boolean days(LakeType t) {
    return switch (t.id()) {
      case INT8, INT16, INT32, UINT8, UINT16 -> true;
      default -> false;
    };
  }

  private static Scalar shifted(ArithmeticOp op, Scalar timestamp, Scalar interval) {
    LakeType out =
        ScalarTypes.isZoned(timestamp.type()) ? ScalarTypes.TIMESTAMPTZ : ScalarTypes.TIMESTAMP;
    return of(
        op,
        ArithmeticScalar.Kind.TIMESTAMP_INTERVAL,
        ScalarBinder.coerce(timestamp, out),
        interval,
        out);
  }

  private static Scalar of(
      ArithmeticOp op, ArithmeticScalar.Kind kind, Scalar l, Scalar r, LakeType out) {
    return new ArithmeticScalar(op, kind, l, r, out);
  }
}
