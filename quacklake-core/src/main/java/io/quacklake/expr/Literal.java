package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A constant: a canonical Java value ({@link io.quacklake.types.LakeValues}) or null for SQL NULL,
 * and the type it was written with. Untyped literals ({@code 5}, {@code 1.5}, {@code 'x'}) have a
 * null type and take their column's type when bound; temporal, interval and UUID values are typed
 * ({@code DATE '2024-01-01'}). {@code Integer}, {@code Short} and {@code Byte} become {@link Long},
 * {@code Float} becomes {@link Double}.
 */
public record Literal(Object value, LakeType type) implements Expression {
  public Literal {
    value = normalize(value);
    LakeType implied = impliedType(value);
    if (type == null) {
      type = implied;
    } else if (!type.equals(implied)) {
      throw new IllegalArgumentException(
          "a literal of type " + type + " needs a value of its canonical Java class, got " + value);
    }
  }

  /** The untyped literal (or typed, for temporal values) of a value. */
  public static Literal of(Object value) {
    return new Literal(value, null);
  }

  private static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v == null
        || v instanceof Boolean
        || v instanceof Long
        || v instanceof BigInteger
        || v instanceof Double
        || v instanceof BigDecimal
        || v instanceof String
        || v instanceof byte[]
        || impliedType(v) != null) {
      return v;
    }
    throw new IllegalArgumentException(
        "not a canonical literal value: " + v + " (" + v.getClass().getName() + ")");
  }

  private static LakeType impliedType(Object v) {
    TypeId id;
    if (v instanceof LocalDate) {
      id = TypeId.DATE;
    } else if (v instanceof LocalTime) {
      id = TypeId.TIME;
    } else if (v instanceof LocalDateTime) {
      id = TypeId.TIMESTAMP;
    } else if (v instanceof Instant) {
      id = TypeId.TIMESTAMPTZ;
    } else if (v instanceof Interval) {
      id = TypeId.INTERVAL;
    } else if (v instanceof UUID) {
      id = TypeId.UUID;
    } else {
      return null;
    }
    return LakeType.of(id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Literal l
        && Objects.equals(type, l.type)
        && (value instanceof byte[] b && l.value instanceof byte[] lb
            ? Arrays.equals(b, lb)
            : Objects.equals(value, l.value));
  }

  @Override
  public int hashCode() {
    return value instanceof byte[] b ? Arrays.hashCode(b) : Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return SqlText.literal(value);
  }
}
