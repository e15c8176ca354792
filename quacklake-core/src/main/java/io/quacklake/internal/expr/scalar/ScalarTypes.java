package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.types.SqlTypeNames;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;

/** DuckDB's implicit typing of computed values: numeric promotion and common types. */
final class ScalarTypes {
  static final LakeType BOOLEAN = LakeType.of(TypeId.BOOLEAN);
  static final LakeType BIGINT = LakeType.of(TypeId.INT64);
  static final LakeType INTEGER = LakeType.of(TypeId.INT32);
  static final LakeType DOUBLE = LakeType.of(TypeId.FLOAT64);
  static final LakeType FLOAT = LakeType.of(TypeId.FLOAT32);
  static final LakeType VARCHAR = LakeType.of(TypeId.VARCHAR);
  static final LakeType DATE = LakeType.of(TypeId.DATE);
  static final LakeType TIMESTAMP = LakeType.of(TypeId.TIMESTAMP);
  static final LakeType TIMESTAMPTZ = LakeType.of(TypeId.TIMESTAMPTZ);
  static final LakeType TIME = LakeType.of(TypeId.TIME);
  static final LakeType INTERVAL = LakeType.of(TypeId.INTERVAL);
  static final int MAX_DECIMAL = 38;

  private ScalarTypes() {}

  static String name(LakeType t) {
    return t == null ? "NULL" : SqlTypeNames.primitive(t);
  }

  static boolean isInteger(LakeType t) {
    return t != null
        && switch (t.id()) {
          case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, INT128, UINT128 -> true;
          default -> false;
        };
  }

  static boolean isFloating(LakeType t) {
    return t != null && (t.id() == TypeId.FLOAT32 || t.id() == TypeId.FLOAT64);
  }

  static boolean isNumeric(LakeType t) {
    return isInteger(t) || isFloating(t) || (t != null && t.id() == TypeId.DECIMAL);
  }

  static boolean isText(LakeType t) {
    return t != null && (t.id() == TypeId.VARCHAR || t.id() == TypeId.JSON);
  }

  /** DATE, TIMESTAMP in any unit, TIMESTAMPTZ. */
  static boolean isDateOrTimestamp(LakeType t) {
    return t != null && (t.id() == TypeId.DATE || isTimestamp(t));
  }

  static boolean isTimestamp(LakeType t) {
    return t != null
        && switch (t.id()) {
          case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS, TIMESTAMPTZ, TIMESTAMPTZ_NS ->
              true;
          default -> false;
        };
  }

  static boolean isZoned(LakeType t) {
    return t != null && (t.id() == TypeId.TIMESTAMPTZ || t.id() == TypeId.TIMESTAMPTZ_NS);
  }

  static boolean isTime(LakeType t) {
    return t != null && (t.id() == TypeId.TIME || t.id() == TypeId.TIME_NS);
  }

  /** STRUCT, LIST, MAP, VARIANT, GEOMETRY: values that only IS NULL applies to. */
  static boolean isNested(LakeType t) {
    return switch (t.id()) {
      case STRUCT, LIST, MAP, VARIANT, GEOMETRY -> true;
      default -> false;
    };
  }

  static boolean isUnsigned(TypeId id) {
    return id == TypeId.UINT8
        || id == TypeId.UINT16
        || id == TypeId.UINT32
        || id == TypeId.UINT64
        || id == TypeId.UINT128;
  }

  /** Integer width rank: 8, 16, 32, 64, 128 bits. */
  static int bits(TypeId id) {
    return switch (id) {
      case INT8, UINT8 -> 8;
      case INT16, UINT16 -> 16;
      case INT32, UINT32 -> 32;
      case INT64, UINT64 -> 64;
      default -> 128;
    };
  }

  static BigInteger min(TypeId id) {
    if (isUnsigned(id)) {
      return BigInteger.ZERO;
    }
    return BigInteger.ONE.shiftLeft(bits(id) - 1).negate();
  }

  static BigInteger max(TypeId id) {
    int bits = isUnsigned(id) ? bits(id) : bits(id) - 1;
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  static boolean fits(BigInteger v, TypeId id) {
    return v.compareTo(min(id)) >= 0 && v.compareTo(max(id)) <= 0;
  }

  /** The integer type of an untyped integer literal: INTEGER, BIGINT or HUGEINT by magnitude. */
  static LakeType integerLiteral(BigInteger v) {
    if (fits(v, TypeId.INT32)) {
      return INTEGER;
    }
    return fits(v, TypeId.INT64) ? BIGINT : LakeType.of(TypeId.INT128);
  }

  /** DuckDB's DECIMAL of a decimal literal: as many digits as written, at least the scale. */
  static LakeType decimalLiteral(BigDecimal d) {
    int scale = Math.max(d.scale(), 0);
    int precision = Math.max(d.precision(), scale);
    if (precision > MAX_DECIMAL) {
      return DOUBLE;
    }
    return LakeType.decimal(Math.max(precision, 1), scale);
  }

  /** An integer type as a DECIMAL that holds every value of it (INTEGER is DECIMAL(10,0)). */
  static LakeType asDecimal(LakeType t) {
    if (t.id() == TypeId.DECIMAL) {
      return t;
    }
    int digits =
        switch (t.id()) {
          case INT8, UINT8 -> 3;
          case INT16, UINT16 -> 5;
          case INT32, UINT32 -> 10;
          case INT64 -> 19;
          case UINT64 -> 20;
          default -> 38;
        };
    return LakeType.decimal(digits, 0);
  }

  /**
   * The common integer type of two integer types (mixed signedness widens to BIGINT or HUGEINT).
   */
  static LakeType commonInteger(LakeType a, LakeType b) {
    if (a.id() == b.id()) {
      return a;
    }
    boolean ua = isUnsigned(a.id());
    boolean ub = isUnsigned(b.id());
    int bits = Math.max(bits(a.id()), bits(b.id()));
    if (ua == ub) {
      return bits(a.id()) >= bits(b.id()) ? a : b;
    }
    return bits <= 32 ? BIGINT : LakeType.of(TypeId.INT128);
  }

  /**
   * The type two numeric operands are brought to before arithmetic or comparison: DOUBLE with a
   * DOUBLE, FLOAT with a FLOAT, DECIMAL with a DECIMAL (wide enough for both), else the common
   * integer type.
   */
  static LakeType commonNumeric(LakeType a, LakeType b) {
    if (a.id() == TypeId.FLOAT64 || b.id() == TypeId.FLOAT64) {
      return DOUBLE;
    }
    if (a.id() == TypeId.FLOAT32 || b.id() == TypeId.FLOAT32) {
      return FLOAT;
    }
    if (a.id() == TypeId.DECIMAL || b.id() == TypeId.DECIMAL) {
      LakeType da = asDecimal(a);
      LakeType db = asDecimal(b);
      int scale = Math.max(da.scale(), db.scale());
      int whole = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
      if (whole + scale > MAX_DECIMAL) {
        return DOUBLE;
      }
      return LakeType.decimal(whole + scale, scale);
    }
    return commonInteger(a, b);
  }

  /**
   * The type of an untyped literal meeting a value of type {@code other}: an integer literal takes
   * the other integer type when its value fits, a decimal literal stays DECIMAL, a string literal
   * takes the other type.
   */
  static LakeType adopt(ConstantScalar literal, LakeType other) {
    Object v = literal.literal();
    if (v == null || other == null) {
      return other == null ? literal.type() : other;
    }
    if (v instanceof String && !isText(other)) {
      return other;
    }
    if ((v instanceof Long || v instanceof BigInteger) && isInteger(other)) {
      BigInteger big = v instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) v;
      return fits(big, other.id()) ? other : literal.type();
    }
    return literal.type();
  }

  /**
   * The common type of values that may stand in each other's place (CASE results, coalesce
   * arguments, the sides of a comparison).
   *
   * @throws QuacklakeException INVALID_ARGUMENT naming both types when they have none
   */
  static LakeType common(LakeType a, LakeType b, String where) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    if (isNumeric(a) && isNumeric(b)) {
      return commonNumeric(a, b);
    }
    if (isText(a) && isText(b)) {
      return VARCHAR;
    }
    if (isDateOrTimestamp(a) && isDateOrTimestamp(b)) {
      if (isZoned(a) || isZoned(b)) {
        return TIMESTAMPTZ;
      }
      return TIMESTAMP;
    }
    if (isTime(a) && isTime(b)) {
      return TIME;
    }
    throw QuacklakeException.invalid(
        "Cannot combine %s with %s in %s; CAST one side to the other's type",
        name(a), name(b), where);
  }
}
