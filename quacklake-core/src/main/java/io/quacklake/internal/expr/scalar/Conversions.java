package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import io.quacklake.types.ValueText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Converts canonical values between types as DuckDB's casts do: doubles round to integers half to
 * even, decimals half away from zero; out-of-range values and unparseable text are errors; text is
 * DuckDB's text; time zones are UTC.
 */
final class Conversions {
  private Conversions() {}

  /**
   * {@code value} of type {@code from} as a value of type {@code to}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the value does not convert (DuckDB's
   *     Conversion Error) or the types have no cast
   */
  static Object convert(Object value, LakeType from, LakeType to) {
    if (value == null || from == null || from.equals(to)) {
      return value;
    }
    if (value instanceof String text && !ScalarTypes.isText(to)) {
      return parse(text, to);
    }
    TypeId id = to.id();
    if (ScalarTypes.isNumeric(from) && ScalarTypes.isNumeric(to)) {
      return numeric(value, from, to);
    }
    if (from.id() == TypeId.BOOLEAN && ScalarTypes.isNumeric(to)) {
      return numeric((Boolean) value ? 1L : 0L, ScalarTypes.INTEGER, to);
    }
    if (ScalarTypes.isInteger(from) && id == TypeId.BOOLEAN) {
      return decimal(value).signum() != 0;
    }
    if (ScalarTypes.isText(to)) {
      return ValueText.format(value, LakeColumn.of(0, "value", from));
    }
    Object temporal = Temporal.convert(value, from, to);
    if (temporal != null) {
      return temporal;
    }
    throw QuacklakeException.invalid(
        "Cannot cast %s to %s", ScalarTypes.name(from), ScalarTypes.name(to));
  }

  /**
   * Whether {@link #convert} has a cast from {@code from} to {@code to} (values may still fail).
   */
  static boolean castable(LakeType from, LakeType to) {
    if (from != null && (ScalarTypes.isNested(from) || ScalarTypes.isNested(to))) {
      return from.equals(to);
    }
    if (from == null || from.equals(to) || ScalarTypes.isText(from) || ScalarTypes.isText(to)) {
      return true;
    }
    boolean numericFrom = ScalarTypes.isNumeric(from) || from.id() == TypeId.BOOLEAN;
    if (numericFrom && ScalarTypes.isNumeric(to)) {
      return true;
    }
    if (ScalarTypes.isInteger(from) && to.id() == TypeId.BOOLEAN) {
      return true;
    }
    if (ScalarTypes.isDateOrTimestamp(from)) {
      return ScalarTypes.isDateOrTimestamp(to)
          || (ScalarTypes.isTime(to) && from.id() != TypeId.DATE);
    }
    return ScalarTypes.isTime(from) && ScalarTypes.isTime(to);
  }

  /**
   * Text as a value of {@code to}: integers and decimals also take a fraction or an exponent
   * ({@code '2.5'} casts to INTEGER 3, {@code '1e2'} to 100), as DuckDB's casts do.
   */
  static Object parse(String text, LakeType to) {
    String stripped = text.strip();
    if (ScalarTypes.isInteger(to) || to.id() == TypeId.DECIMAL) {
      BigDecimal number;
      try {
        number = new BigDecimal(stripped);
      } catch (NumberFormatException e) {
        throw QuacklakeException.invalid(
            "Could not convert string '%s' to %s", text, ScalarTypes.name(to));
      }
      return numeric(number, LakeType.decimal(38, Math.max(0, number.scale())), to);
    }
    try {
      return ValueText.parse(stripped, LakeColumn.of(0, "value", to));
    } catch (QuacklakeException e) {
      throw QuacklakeException.invalid(
          "Could not convert string '%s' to %s", text, ScalarTypes.name(to));
    }
  }

  private static Object numeric(Object value, LakeType from, LakeType to) {
    TypeId id = to.id();
    if (id == TypeId.FLOAT64) {
      return toDouble(value);
    } else if (id == TypeId.FLOAT32) {
      return (double) (float) toDouble(value);
    }
    BigDecimal exact;
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw outOfRange(value, to);
      }
      exact = new BigDecimal(d);
      if (id != TypeId.DECIMAL) {
        exact = exact.setScale(0, RoundingMode.HALF_EVEN);
      }
    } else {
      exact = decimal(value);
    }
    if (id == TypeId.DECIMAL) {
      BigDecimal d = exact.setScale(to.scale(), RoundingMode.HALF_UP);
      if (d.precision() - d.scale() > to.precision() - to.scale() && d.signum() != 0) {
        throw outOfRange(value, to);
      }
      return d;
    }
    BigInteger i = exact.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    if (!ScalarTypes.fits(i, id)) {
      throw outOfRange(value, to);
    }
    return integer(i, id);
  }

  /** The canonical value of an integer of type {@code id}: Long, or BigInteger above int64. */
  static Object integer(BigInteger i, TypeId id) {
    return switch (id) {
      case UINT64, INT128, UINT128 -> i;
      default -> i.longValueExact();
    };
  }

  private static QuacklakeException outOfRange(Object value, LakeType to) {
    return QuacklakeException.invalid(
        "Could not convert %s to %s: the value is out of its range",
        value instanceof BigDecimal d ? d.toPlainString() : value, ScalarTypes.name(to));
  }

  static double toDouble(Object v) {
    if (v instanceof Double d) {
      return d;
    } else if (v instanceof Long l) {
      return l;
    } else if (v instanceof BigInteger b) {
      return b.doubleValue();
    }
    return ((BigDecimal) v).doubleValue();
  }

  static BigDecimal decimal(Object v) {
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    } else if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    } else if (v instanceof Double d) {
      return new BigDecimal(d);
    }
    return (BigDecimal) v;
  }

  static BigInteger bigInteger(Object v) {
    return v instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) v;
  }
}
