package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** DuckDB text of a primitive value → its canonical Java value. */
final class ValueParser {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "\\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
              + "[0-9a-fA-F]{12}}?");

  private ValueParser() {}

  static Object parse(String text, LakeColumn column) {
    LakeType type = column.type();
    String t = text.trim();
    try {
      return switch (type.id()) {
        case BOOLEAN -> bool(t);
        case INT8 -> integer(t, -128, 127);
        case INT16 -> integer(t, Short.MIN_VALUE, Short.MAX_VALUE);
        case INT32 -> integer(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case INT64 -> integer(t, Long.MIN_VALUE, Long.MAX_VALUE);
        case UINT8 -> integer(t, 0, 255);
        case UINT16 -> integer(t, 0, 65_535);
        case UINT32 -> integer(t, 0, 4_294_967_295L);
        case UINT64 -> bigInteger(t, BigInteger.ZERO, BigInteger.ONE.shiftLeft(64));
        case INT128 ->
            bigInteger(t, BigInteger.ONE.shiftLeft(127).negate(), BigInteger.ONE.shiftLeft(127));
        case UINT128 -> bigInteger(t, BigInteger.ZERO, BigInteger.ONE.shiftLeft(128));
        case FLOAT32 -> real(t);
        case FLOAT64 -> floating(t);
        case DECIMAL -> decimal(t, type);
        case DATE -> TemporalParser.date(t);
        case TIME, TIME_NS -> TemporalParser.time(t);
        case TIMETZ -> TemporalParser.timeWithOffset(t);
        case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS -> TemporalParser.timestamp(t);
        case TIMESTAMPTZ, TIMESTAMPTZ_NS -> TemporalParser.timestampWithOffset(t);
        case INTERVAL -> IntervalText.parse(t);
        case VARCHAR, JSON, VARIANT -> text;
        case BLOB -> BlobText.parse(text);
        case GEOMETRY -> GeometryText.parse(text);
        case UUID -> uuid(t);
        case LIST, STRUCT, MAP -> NestedTextParser.parse(text, column);
      };
    } catch (NumberFormatException | ArithmeticException e) {
      throw QuacklakeException.invalid(
          "'%s' is not a valid %s value for column '%s'", text, type, column.name());
    }
  }

  private static Boolean bool(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "true", "t", "1", "yes", "y", "on" -> Boolean.TRUE;
      case "false", "f", "0", "no", "n", "off" -> Boolean.FALSE;
      default -> throw new NumberFormatException(t);
    };
  }

  private static Long integer(String t, long min, long max) {
    long v = Long.parseLong(t);
    if (v < min || v > max) {
      throw new NumberFormatException("out of range");
    }
    return v;
  }

  private static BigInteger bigInteger(String t, BigInteger min, BigInteger maxExclusive) {
    BigInteger v = new BigInteger(t);
    if (v.compareTo(min) < 0 || v.compareTo(maxExclusive) >= 0) {
      throw new NumberFormatException("out of range");
    }
    return v;
  }

  /**
   * A DOUBLE: {@code nan}, {@code inf} and {@code infinity} (signed), or a finite number; a number
   * beyond the double range ({@code 1e309}) is out of range rather than infinity.
   */
  private static double floating(String t) {
    switch (t.toLowerCase(Locale.ROOT)) {
      case "nan", "+nan", "-nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!NUMBER.matcher(t).matches()) {
          throw new NumberFormatException(t);
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) {
          throw new NumberFormatException("out of range");
        }
        return d;
    }
  }

  /** A REAL: a finite number that overflows a float is out of range, as in DuckDB's cast. */
  private static double real(String t) {
    double d = floating(t);
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw new NumberFormatException("out of range");
    }
    return f;
  }

  private static BigDecimal decimal(String t, LakeType type) {
    if (!NUMBER.matcher(t).matches()) {
      throw new NumberFormatException(t);
    }
    BigDecimal d = new BigDecimal(t).setScale(type.scale(), RoundingMode.HALF_UP);
    if (d.precision() - d.scale() > type.precision() - type.scale() && d.signum() != 0) {
      throw new NumberFormatException("out of range");
    }
    return d;
  }

  private static UUID uuid(String t) {
    if (!UUID_TEXT.matcher(t).matches()) {
      throw new NumberFormatException(t);
    }
    String hex = t.replace("-", "").replace("{", "").replace("}", "");
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }
}
