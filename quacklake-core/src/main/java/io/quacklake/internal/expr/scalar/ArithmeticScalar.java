package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.ArithmeticOp;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * {@code left op right} on operands already converted to the types {@link #kind} works on; NULL
 * when either is NULL. Integer and decimal results out of their type's range are errors, as in
 * DuckDB ("Overflow in addition of INTEGER"), and so is an exact {@code %} by zero (DuckDB 2.0's
 * default; 1.5 gave NULL); in DOUBLE, {@code /} and {@code %} by zero give ±inf or NaN.
 */
record ArithmeticScalar(ArithmeticOp op, Kind kind, Scalar left, Scalar right, LakeType type)
    implements Scalar {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /** What the operator computes. */
  enum Kind {
    INTEGER,
    DECIMAL,
    FLOAT,
    DOUBLE,
    CONCAT,
    /** DATE ± integer days. */
    DATE_DAYS,
    /** DATE - DATE, in days. */
    DATE_DIFFERENCE,
    /** TIMESTAMP or TIMESTAMPTZ ± INTERVAL (left is the timestamp). */
    TIMESTAMP_INTERVAL,
    /** TIMESTAMP - TIMESTAMP (or both TIMESTAMPTZ). */
    TIMESTAMP_DIFFERENCE,
    /** TIME ± INTERVAL, wrapping around midnight. */
    TIME_INTERVAL,
    INTERVAL,
    /** INTERVAL * integer. */
    INTERVAL_SCALE
  }

  @Override
  public Object[] evaluate(Rows rows) {
    Object[] l = left.evaluate(rows);
    Object[] r = right.evaluate(rows);
    Object[] out = new Object[rows.count()];
    for (int i = 0; i < out.length; i++) {
      if (l[i] != null && r[i] != null) {
        try {
          out[i] = apply(l[i], r[i]);
        } catch (ArithmeticException | java.time.DateTimeException e) {
          throw QuacklakeException.invalid(
              "%s %s %s is out of the range of %s",
              l[i], op.symbol(), r[i], ScalarTypes.name(type));
        }
      }
    }
    return out;
  }

  @Override
  public boolean constant() {
    return left.constant() && right.constant();
  }

  private Object apply(Object a, Object b) {
    return switch (kind) {
      case INTEGER -> integer(a, b);
      case DECIMAL -> decimal((BigDecimal) a, (BigDecimal) b);
      case DOUBLE -> floating((Double) a, (Double) b);
      case FLOAT -> (double) floating(((Double) a).floatValue(), ((Double) b).floatValue());
      case CONCAT -> (String) a + b;
      case DATE_DAYS -> {
        if (Temporal.infinity(a) != 0) {
          yield a;
        }
        long days = ((Number) b).longValue();
        LocalDate d = ((LocalDate) a).plusDays(op == ArithmeticOp.SUBTRACT ? -days : days);
        yield inDateRange(d);
      }
      case DATE_DIFFERENCE -> ((LocalDate) a).toEpochDay() - ((LocalDate) b).toEpochDay();
      case TIMESTAMP_INTERVAL -> shift(a, (Interval) b);
      case TIMESTAMP_DIFFERENCE -> difference(a, b);
      case TIME_INTERVAL -> {
        long nanos = ((Interval) b).nanos() % NANOS_PER_DAY;
        yield ((LocalTime) a).plusNanos(op == ArithmeticOp.SUBTRACT ? -nanos : nanos);
      }
      case INTERVAL -> {
        Interval x = (Interval) a;
        Interval y = (Interval) b;
        int sign = op == ArithmeticOp.SUBTRACT ? -1 : 1;
        yield new Interval(
            Math.addExact(x.months(), sign * y.months()),
            Math.addExact(x.days(), sign * y.days()),
            Math.addExact(x.nanos(), sign * y.nanos()));
      }
      case INTERVAL_SCALE -> {
        Interval x = a instanceof Interval i ? i : (Interval) b;
        long k = ((Number) (a instanceof Interval ? b : a)).longValue();
        yield new Interval(
            Math.toIntExact(x.months() * k),
            Math.toIntExact(x.days() * k),
            Math.multiplyExact(x.nanos(), k));
      }
    };
  }

  private Object integer(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y && type.id() != TypeId.UINT64) {
      if (op == ArithmeticOp.MODULO) {
        if (y == 0) {
          throw divisionByZero(a, b);
        }
        return x % y;
      }
      long r;
      try {
        r =
            switch (op) {
              case ADD -> Math.addExact(x, y);
              case SUBTRACT -> Math.subtractExact(x, y);
              default -> Math.multiplyExact(x, y);
            };
      } catch (ArithmeticException e) {
        throw overflow(a, b);
      }
      if (type.id() == TypeId.INT64 || ScalarTypes.fits(BigInteger.valueOf(r), type.id())) {
        return r;
      }
      throw overflow(a, b);
    }
    BigInteger x = Conversions.bigInteger(a);
    BigInteger y = Conversions.bigInteger(b);
    BigInteger r;
    switch (op) {
      case ADD -> r = x.add(y);
      case SUBTRACT -> r = x.subtract(y);
      case MULTIPLY -> r = x.multiply(y);
      default -> {
        if (y.signum() == 0) {
          throw divisionByZero(a, b);
        }
        r = x.remainder(y);
      }
    }
    if (!ScalarTypes.fits(r, type.id())) {
      throw overflow(a, b);
    }
    return Conversions.integer(r, type.id());
  }

  private Object decimal(BigDecimal a, BigDecimal b) {
    BigDecimal r;
    switch (op) {
      case ADD -> r = a.add(b);
      case SUBTRACT -> r = a.subtract(b);
      case MULTIPLY -> r = a.multiply(b);
      default -> {
        if (b.signum() == 0) {
          throw divisionByZero(a.toPlainString(), b.toPlainString());
        }
        r = a.remainder(b);
      }
    }
    r = r.setScale(type.scale());
    if (r.signum() != 0 && r.precision() - r.scale() > type.precision() - type.scale()) {
      throw overflow(a, b);
    }
    return r;
  }

  private double floating(double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUBTRACT -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> a / b;
      default -> a % b;
    };
  }

  private float floating(float a, float b) {
    return switch (op) {
      case ADD -> a + b;
      case SUBTRACT -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> a / b;
      default -> a % b;
    };
  }

  /** {@code d} when DuckDB's DATE (days since the epoch in an INTEGER) holds it. */
  private static LocalDate inDateRange(LocalDate d) {
    long days = d.toEpochDay();
    if (days != (int) days) {
      throw new ArithmeticException("date out of range");
    }
    return d;
  }

  /** A timestamp moved by an interval as DuckDB does: months (end-of-month clamped), days, time. */
  private Object shift(Object timestamp, Interval by) {
    if (Temporal.infinity(timestamp) != 0) {
      return timestamp;
    }
    int sign = op == ArithmeticOp.SUBTRACT ? -1 : 1;
    LocalDateTime t =
        timestamp instanceof Instant i
            ? LocalDateTime.ofInstant(i, ZoneOffset.UTC)
            : (LocalDateTime) timestamp;
    LocalDateTime moved =
        t.plusMonths((long) sign * by.months())
            .plusDays((long) sign * by.days())
            .plusNanos(sign * by.nanos());
    Temporal.inRange(moved, null, type);
    return timestamp instanceof Instant ? moved.toInstant(ZoneOffset.UTC) : moved;
  }

  /** The interval from {@code b} to {@code a}: whole days and the rest, no months (DuckDB's). */
  private static Interval difference(Object a, Object b) {
    Instant x = a instanceof Instant i ? i : ((LocalDateTime) a).toInstant(ZoneOffset.UTC);
    Instant y = b instanceof Instant i ? i : ((LocalDateTime) b).toInstant(ZoneOffset.UTC);
    long micros = ChronoUnit.MICROS.between(y, x);
    long days = micros / 86_400_000_000L;
    return new Interval(0, Math.toIntExact(days), (micros % 86_400_000_000L) * 1000);
  }

  private QuacklakeException divisionByZero(Object a, Object b) {
    return QuacklakeException.invalid(
        "Division by zero in (%s %s %s); write the divisor as nullif(x, 0) to get NULL instead",
        a, op.symbol(), b);
  }

  private QuacklakeException overflow(Object a, Object b) {
    String verb =
        switch (op) {
          case ADD -> "addition";
          case SUBTRACT -> "subtraction";
          case MULTIPLY -> "multiplication";
          case DIVIDE -> "division";
          case MODULO -> "modulo";
          case CONCAT -> "concatenation";
        };
    return QuacklakeException.invalid(
        "Overflow in %s of %s (%s %s %s); CAST the operands to a wider type such as BIGINT",
        verb,
        ScalarTypes.name(type),
        a instanceof BigDecimal d ? d.toPlainString() : a,
        op.symbol(),
        b instanceof BigDecimal d ? d.toPlainString() : b);
  }
}
