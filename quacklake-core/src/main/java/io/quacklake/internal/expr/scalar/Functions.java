package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scalar functions a filter may call, typed as DuckDB types them: text ({@code lower}, {@code
 * upper}, {@code length}, {@code trim}, {@code ltrim}, {@code rtrim}, {@code substr}, {@code
 * starts_with}, {@code ends_with}, {@code contains}, {@code concat}), numbers ({@code abs}, {@code
 * round}, {@code floor}, {@code ceil}), time ({@code date_trunc}, {@code year} … {@code second},
 * {@code now}, {@code current_date}), NULL handling ({@code coalesce}, {@code nullif}). Time zones
 * are UTC.
 */
final class Functions {
  static final Set<String> NAMES =
      Set.of(
          "lower",
          "upper",
          "length",
          "trim",
          "ltrim",
          "rtrim",
          "substr",
          "substring",
          "starts_with",
          "ends_with",
          "contains",
          "concat",
          "abs",
          "round",
          "floor",
          "ceil",
          "ceiling",
          "date_trunc",
          "year",
          "quarter",
          "month",
          "day",
          "hour",
          "minute",
          "second",
          "now",
          "current_timestamp",
          "current_date",
          "coalesce",
          "nullif");

  private Functions() {}

  static Scalar bind(String name, List<Scalar> args, Instant now) {
    return switch (name) {
      case "-" -> {
        arity(name, args, 1, 1);
        Scalar x = args.get(0);
        if (x.type() == null) {
          yield x;
        }
        LakeType t = x.type();
        if (!ScalarTypes.isNumeric(t) && t.id() != TypeId.INTERVAL) {
          throw QuacklakeException.invalid(
              "Cannot negate %s; negate a number or an INTERVAL", ScalarTypes.name(t));
        }
        yield new FunctionScalar(name, List.of(x), t, v -> NumericFunctions.negate(v[0], t));
      }
      case "lower", "upper" -> {
        arity(name, args, 1, 1);
        boolean upper = name.equals("upper");
        yield text(name, args, ScalarTypes.VARCHAR, v -> caseMap((String) v[0], upper));
      }
      case "length" -> {
        arity(name, args, 1, 1);
        yield text(
            name,
            args,
            ScalarTypes.BIGINT,
            v -> (long) ((String) v[0]).codePointCount(0, ((String) v[0]).length()));
      }
      case "trim", "ltrim", "rtrim" -> {
        arity(name, args, 1, 2);
        boolean left = !name.equals("rtrim");
        boolean right = !name.equals("ltrim");
        yield text(
            name,
            args,
            ScalarTypes.VARCHAR,
            v -> trim((String) v[0], v.length > 1 ? (String) v[1] : " ", left, right));
      }
      case "substr", "substring" -> {
        arity(name, args, 2, 3);
        List<Scalar> typed =
            List.of(
                require(name, args.get(0), ScalarTypes.VARCHAR),
                integer(name, args.get(1)),
                args.size() > 2
                    ? integer(name, args.get(2))
                    : ScalarBinder.constant(Long.MAX_VALUE));
        yield new FunctionScalar(
            name,
            typed,
            ScalarTypes.VARCHAR,
            v ->
                substring((String) v[0], ((Number) v[1]).longValue(), ((Number) v[2]).longValue()));
      }
      case "starts_with", "ends_with", "contains" -> {
        arity(name, args, 2, 2);
        yield text(
            name,
            args,
            ScalarTypes.BOOLEAN,
            v ->
                switch (name) {
                  case "starts_with" -> ((String) v[0]).startsWith((String) v[1]);
                  case "ends_with" -> ((String) v[0]).endsWith((String) v[1]);
                  default -> ((String) v[0]).contains((String) v[1]);
                });
      }
      case "concat" -> {
        arity(name, args, 1, Integer.MAX_VALUE);
        List<Scalar> texts =
            args.stream().map(a -> ScalarBinder.coerce(a, ScalarTypes.VARCHAR)).toList();
        yield new Concat(texts);
      }
      case "abs", "floor", "ceil", "ceiling" -> {
        arity(name, args, 1, 1);
        Scalar x = numeric(name, args.get(0));
        LakeType t = x.type();
        LakeType out =
            t.id() == TypeId.DECIMAL && !name.equals("abs")
                ? LakeType.decimal(t.precision(), 0)
                : t;
        yield new FunctionScalar(name, List.of(x), out, v -> NumericFunctions.apply(name, v[0], t));
      }
      case "round" -> {
        arity(name, args, 1, 2);
        Scalar x = numeric(name, args.get(0));
        int digits = 0;
        if (args.size() == 2) {
          Scalar d = integer(name, args.get(1));
          if (!d.constant() || d.value() == null) {
            throw QuacklakeException.invalid(
                "round(x, digits) needs a constant integer for digits");
          }
          digits = Math.toIntExact(((Number) d.value()).longValue());
        }
        LakeType t = x.type();
        LakeType out =
            t.id() == TypeId.DECIMAL
                ? LakeType.decimal(t.precision(), Math.max(0, Math.min(digits, t.scale())))
                : t;
        int n = digits;
        yield new FunctionScalar(
            name, List.of(x), out, v -> NumericFunctions.round(v[0], t, out, n));
      }
      case "date_trunc" -> {
        arity(name, args, 2, 2);
        Scalar part = require(name, args.get(0), ScalarTypes.VARCHAR);
        Scalar x = temporal(name, args.get(1));
        LakeType out =
            ScalarTypes.isZoned(x.type()) ? ScalarTypes.TIMESTAMPTZ : ScalarTypes.TIMESTAMP;
        yield new FunctionScalar(
            name, List.of(part, x), out, v -> TemporalFunctions.truncate((String) v[0], v[1]));
      }
      case "year", "quarter", "month", "day", "hour", "minute", "second" -> {
        arity(name, args, 1, 1);
        Scalar x = temporal(name, args.get(0));
        yield new FunctionScalar(
            name, List.of(x), ScalarTypes.BIGINT, v -> TemporalFunctions.part(name, v[0]));
      }
      case "now", "current_timestamp" -> {
        arity(name, args, 0, 0);
        yield new ConstantScalar(now, ScalarTypes.TIMESTAMPTZ, false);
      }
      case "current_date" -> {
        arity(name, args, 0, 0);
        yield new ConstantScalar(LocalDate.ofInstant(now, ZoneOffset.UTC), ScalarTypes.DATE, false);
      }
      case "coalesce" -> {
        arity(name, args, 1, Integer.MAX_VALUE);
        List<Scalar> unified = ScalarBinder.unify(args, "coalesce");
        yield CaseScalar.coalesce(unified, unified.get(0).type());
      }
      case "nullif" -> {
        arity(name, args, 2, 2);
        List<Scalar> compared = ScalarBinder.unify(args, "nullif");
        Scalar a = args.get(0).type() == null ? compared.get(0) : args.get(0);
        yield new CaseScalar(
            List.of(
                new Predicates.Compare(
                    io.quacklake.expr.CompareOp.EQ, compared.get(0), compared.get(1))),
            List.of(new ConstantScalar(null, a.type(), false)),
            a,
            a.type());
      }
      default ->
          throw QuacklakeException.invalid(
              "Unknown function %s() in filter; available: %s",
              name, String.join(", ", new java.util.TreeSet<>(NAMES)));
    };
  }

  private static void arity(String name, List<Scalar> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      String expected =
          min == max
              ? Integer.toString(min)
              : max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
      throw QuacklakeException.invalid(
          "%s() takes %s argument%s, got %d", name, expected, max == 1 ? "" : "s", args.size());
    }
  }

  private static Scalar text(
      String name, List<Scalar> args, LakeType out, FunctionScalar.RowFunction body) {
    List<Scalar> texts = args.stream().map(a -> require(name, a, ScalarTypes.VARCHAR)).toList();
    return new FunctionScalar(name, texts, out, body);
  }

  /** {@code arg} as a value of {@code type}: text takes text (or a string literal). */
  private static Scalar require(String name, Scalar arg, LakeType type) {
    if (arg.type() == null || ScalarTypes.isText(arg.type()) && ScalarTypes.isText(type)) {
      return arg.type() == null ? new ConstantScalar(null, type, false) : arg;
    }
    throw QuacklakeException.invalid(
        "%s() needs %s here, got %s; CAST it",
        name, ScalarTypes.name(type), ScalarTypes.name(arg.type()));
  }

  private static Scalar integer(String name, Scalar arg) {
    if (arg.type() == null) {
      return new ConstantScalar(null, ScalarTypes.BIGINT, false);
    }
    if (!ScalarTypes.isInteger(arg.type())) {
      throw QuacklakeException.invalid(
          "%s() needs an integer here, got %s", name, ScalarTypes.name(arg.type()));
    }
    return arg;
  }

  private static Scalar numeric(String name, Scalar arg) {
    if (arg.type() == null) {
      return new ConstantScalar(null, ScalarTypes.INTEGER, false);
    }
    if (!ScalarTypes.isNumeric(arg.type())) {
      throw QuacklakeException.invalid(
          "%s() needs a number, got %s", name, ScalarTypes.name(arg.type()));
    }
    return arg;
  }

  private static Scalar temporal(String name, Scalar arg) {
    if (arg.type() == null) {
      return new ConstantScalar(null, ScalarTypes.TIMESTAMP, false);
    }
    if (arg instanceof ConstantScalar c && c.untyped() && c.literal() instanceof String) {
      return ScalarBinder.coerce(arg, ScalarTypes.TIMESTAMP);
    }
    if (!ScalarTypes.isDateOrTimestamp(arg.type())) {
      throw QuacklakeException.invalid(
          "%s() needs a DATE or TIMESTAMP, got %s", name, ScalarTypes.name(arg.type()));
    }
    return arg;
  }

  /** Per code point, as DuckDB's case mapping (ß upper-cases to ẞ, not SS). */
  static String caseMap(String s, boolean upper) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (upper && c == 'ß') {
                sb.appendCodePoint(0x1E9E);
              } else {
                sb.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
              }
            });
    return sb.toString();
  }

  private static String trim(String s, String chars, boolean left, boolean right) {
    int[] cps = s.codePoints().toArray();
    int start = 0;
    int end = cps.length;
    while (left && start < end && chars.indexOf(cps[start]) >= 0) {
      start++;
    }
    while (right && end > start && chars.indexOf(cps[end - 1]) >= 0) {
      end--;
    }
    return new String(cps, start, end - start);
  }

  /**
   * DuckDB's substring, by code point: 1-based; offset 0 is the position before the first character
   * and a negative offset counts from the end; a negative length takes the characters before the
   * start instead of after it.
   */
  static String substring(String s, long offset, long length) {
    int[] cps = s.codePoints().toArray();
    long size = cps.length;
    long start = offset > 0 ? offset - 1 : offset < 0 ? size + offset : -1;
    long end;
    if (length >= 0) {
      end = start + Math.min(length, Integer.MAX_VALUE);
    } else {
      end = start;
      start = start + Math.max(length, Integer.MIN_VALUE);
    }
    start = Math.max(0, Math.min(start, size));
    end = Math.max(0, Math.min(end, size));
    return start >= end ? "" : new String(cps, (int) start, (int) (end - start));
  }

  /** {@code concat(a, b, ...)}: NULL arguments count as empty text; never NULL. */
  record Concat(List<Scalar> arguments) implements Scalar {
    @Override
    public LakeType type() {
      return ScalarTypes.VARCHAR;
    }

    @Override
    public Object[] evaluate(Rows rows) {
      StringBuilder[] sb = new StringBuilder[rows.count()];
      for (int i = 0; i < sb.length; i++) {
        sb[i] = new StringBuilder();
      }
      for (Scalar a : arguments) {
        Object[] v = a.evaluate(rows);
        for (int i = 0; i < sb.length; i++) {
          if (v[i] != null) {
            sb[i].append((String) v[i]);
          }
        }
      }
      Object[] out = new Object[sb.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = sb[i].toString();
      }
      return out;
    }

    @Override
    public boolean constant() {
      return arguments.stream().allMatch(Scalar::constant);
    }
  }

  static BigDecimal scaled(BigDecimal d, int scale) {
    return d.setScale(scale, RoundingMode.HALF_UP);
  }

  static LocalDateTime local(Object v) {
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    } else if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    return (LocalDateTime) v;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
