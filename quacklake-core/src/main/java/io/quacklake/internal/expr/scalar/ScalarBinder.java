package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.And;
import io.quacklake.expr.Arithmetic;
import io.quacklake.expr.ArithmeticOp;
import io.quacklake.expr.Between;
import io.quacklake.expr.Call;
import io.quacklake.expr.Case;
import io.quacklake.expr.Cast;
import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.InList;
import io.quacklake.expr.IsNull;
import io.quacklake.expr.Like;
import io.quacklake.expr.Literal;
import io.quacklake.expr.Not;
import io.quacklake.expr.Or;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds expressions to {@link Scalar}s: resolves columns through the caller, types every node as
 * DuckDB does (untyped literals take the type they meet, numbers widen to a common type, DATE plus
 * INTERVAL is a TIMESTAMP, ...) and folds parts that depend on no column into constants. {@code
 * now()} and {@code current_date} are the time given at construction, one value per filter.
 */
public final class ScalarBinder {
  private final Function<ColumnRef, InputColumn> columns;
  private final Instant now;

  public ScalarBinder(Function<ColumnRef, InputColumn> columns, Instant now) {
    this.columns = columns;
    this.now = now;
  }

  /**
   * The scalar of any expression (a predicate is a BOOLEAN scalar).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for an unknown function, types that do not combine,
   *     or a constant part that fails (an overflow, a failed cast)
   */
  public Scalar bind(Expression e) {
    Scalar s = bindOnce(e);
    if (strictOperands(s).stream().anyMatch(ScalarBinder::isNullConstant)) {
      return new ConstantScalar(null, s.type(), false);
    }
    if (s.constant() && !(s instanceof ConstantScalar)) {
      try {
        return new ConstantScalar(s.value(), s.type(), false);
      } catch (QuacklakeException failed) {
        // as DuckDB's folder: an expression that fails stays unfolded, and fails only where
        // rows reach it (a branch no row takes never does)
      }
    }
    return s;
  }

  /**
   * The operands that make {@code s} NULL when one is NULL, so that a NULL constant among them
   * folds {@code s} to NULL without evaluating the others (as DuckDB's optimizer does).
   */
  private static List<Scalar> strictOperands(Scalar s) {
    if (s instanceof ArithmeticScalar a) {
      return List.of(a.left(), a.right());
    } else if (s instanceof FunctionScalar f) {
      return f.arguments();
    } else if (s instanceof Predicates.Compare c) {
      return List.of(c.left(), c.right());
    } else if (s instanceof Predicates.Like l) {
      return List.of(l.operand());
    } else if (s instanceof Predicates.Negation n) {
      return List.of(n.operand());
    } else if (s instanceof CastScalar c) {
      return List.of(c.operand());
    }
    return List.of();
  }

  private static boolean isNullConstant(Scalar s) {
    return s instanceof ConstantScalar c && c.literal() == null;
  }

  /** The scalar of a condition: a BOOLEAN expression (or NULL). */
  public Scalar condition(Expression e) {
    Scalar s = bind(e);
    if (s.type() == null) {
      return new ConstantScalar(null, ScalarTypes.BOOLEAN, false);
    }
    if (s.type().id() != TypeId.BOOLEAN) {
      throw QuacklakeException.invalid(
          "%s is %s, not BOOLEAN, so it cannot be a condition; compare it with a value",
          e, ScalarTypes.name(s.type()));
    }
    return s;
  }

  /**
   * The new value of an UPDATE's {@code SET column = expression}, computed from the row's current
   * values ({@code columns}, input slot = index) and converted to {@code target}'s type as DuckDB's
   * assignment does.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the expression's type does not convert
   */
  public static Scalar assignment(
      Expression e,
      java.util.List<io.quacklake.types.LakeColumn> columns,
      io.quacklake.types.LakeColumn target,
      Instant now) {
    ScalarBinder binder =
        new ScalarBinder(
            ref -> {
              for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(ref.name())) {
                  return new InputColumn(i, columns.get(i));
                }
              }
              throw QuacklakeException.invalid(
                  "SET %s = %s names column %s, which the table does not have",
                  target.name(), e, ref);
            },
            now);
    Scalar s = binder.bind(e);
    if (ScalarTypes.isNested(target.type())) {
      throw QuacklakeException.invalid(
          "SET %s: computed values of %s are not supported; set a value",
          target.name(), target.sqlTypeName());
    }
    if (!Conversions.castable(s.type(), target.type())) {
      throw QuacklakeException.invalid(
          "SET %s = %s: a %s value does not convert to %s",
          target.name(), e, ScalarTypes.name(s.type()), target.sqlTypeName());
    }
    if (s.type() == null) {
      return new ConstantScalar(null, target.type(), false);
    }
    return coerce(s, target.type());
  }

  /** A constant scalar's value as a literal, to compare a column with (and prune by). */
  public static Literal literal(Scalar constant) {
    return Literal.of(constant.value());
  }

  private Scalar bindOnce(Expression e) {
    if (e instanceof ColumnRef c) {
      return new ColumnScalar(columns.apply(c));
    } else if (e instanceof Literal l) {
      return literal(l);
    } else if (e instanceof Arithmetic a) {
      return arithmetic(a.op(), bind(a.left()), bind(a.right()));
    } else if (e instanceof Call c) {
      List<Scalar> args = new ArrayList<>();
      c.arguments().forEach(x -> args.add(bind(x)));
      return Functions.bind(c.function(), args, now);
    } else if (e instanceof Case c) {
      return caseScalar(c);
    } else if (e instanceof Cast c) {
      Scalar operand = bind(c.operand());
      if (!Conversions.castable(operand.type(), c.type())) {
        throw QuacklakeException.invalid(
            "Cannot cast %s to %s", ScalarTypes.name(operand.type()), ScalarTypes.name(c.type()));
      }
      return new CastScalar(operand, c.type(), c.lenient());
    } else if (e instanceof Comparison c) {
      return compare(c.op(), bind(c.left()), bind(c.right()));
    } else if (e instanceof And a) {
      return new Predicates.Junction(true, a.terms().stream().map(this::condition).toList());
    } else if (e instanceof Or o) {
      return new Predicates.Junction(false, o.terms().stream().map(this::condition).toList());
    } else if (e instanceof Not n) {
      return new Predicates.Negation(condition(n.operand()));
    } else if (e instanceof IsNull i) {
      return new Predicates.NullTest(bind(i.operand()), i.negated());
    } else if (e instanceof Like l) {
      Scalar operand = bind(l.operand());
      if (operand.type() != null && !ScalarTypes.isText(operand.type())) {
        throw QuacklakeException.invalid(
            "%s LIKE needs text, but it is %s; CAST it to VARCHAR",
            l.operand(), ScalarTypes.name(operand.type()));
      }
      return new Predicates.Like(
          coerce(operand, ScalarTypes.VARCHAR),
          new LikePattern(l.pattern(), l.caseInsensitive()),
          l.negated());
    } else if (e instanceof InList in) {
      Scalar operand = bind(in.column());
      List<Scalar> equal = new ArrayList<>();
      for (Literal v : in.values()) {
        equal.add(compare(CompareOp.EQ, operand, literal(v)));
      }
      Scalar any = new Predicates.Junction(false, equal);
      return in.negated() ? new Predicates.Negation(any) : any;
    }
    Between b = (Between) e;
    Scalar operand = bind(b.column());
    Scalar within =
        new Predicates.Junction(
            true,
            List.of(
                compare(CompareOp.GE, operand, literal(b.low())),
                compare(CompareOp.LE, operand, literal(b.high()))));
    return b.negated() ? new Predicates.Negation(within) : within;
  }

  private static ConstantScalar literal(Literal l) {
    Object v = l.value();
    if (v == null) {
      return new ConstantScalar(null, null, true);
    } else if (v instanceof Long x) {
      return new ConstantScalar(v, ScalarTypes.integerLiteral(BigInteger.valueOf(x)), true);
    } else if (v instanceof BigInteger x) {
      return new ConstantScalar(v, ScalarTypes.integerLiteral(x), true);
    } else if (v instanceof BigDecimal d) {
      LakeType t = ScalarTypes.decimalLiteral(d);
      return new ConstantScalar(t.id() == TypeId.DECIMAL ? d : d.doubleValue(), t, true);
    } else if (v instanceof Double) {
      return new ConstantScalar(v, ScalarTypes.DOUBLE, false);
    } else if (v instanceof String) {
      return new ConstantScalar(v, ScalarTypes.VARCHAR, true);
    } else if (v instanceof Boolean) {
      return new ConstantScalar(v, ScalarTypes.BOOLEAN, false);
    } else if (v instanceof byte[]) {
      return new ConstantScalar(v, LakeType.of(TypeId.BLOB), false);
    }
    return new ConstantScalar(v, l.type(), false);
  }

  /** A constant of a canonical value, typed as its literal would be. */
  static Scalar constant(Object value) {
    return literal(Literal.of(value));
  }

  /** {@code s} converted to {@code target} (folded when constant). */
  static Scalar coerce(Scalar s, LakeType target) {
    if (target == null || target.equals(s.type())) {
      return s;
    }
    if (s instanceof ConstantScalar c) {
      return new ConstantScalar(Conversions.convert(c.literal(), c.type(), target), target, false);
    }
    return new CastScalar(s, target, false);
  }

  /**
   * The scalars converted to their common type: typed values decide it, untyped number literals
   * follow (an integer literal that does not fit widens it), untyped strings take what the others
   * decided ({@code '1' = 1} compares integers, in either order).
   */
  static List<Scalar> unify(List<Scalar> scalars, String where) {
    LakeType target = null;
    for (Scalar s : scalars) {
      if (!untyped(s)) {
        target = ScalarTypes.common(target, s.type(), where);
      }
    }
    for (boolean strings : new boolean[] {false, true}) {
      for (Scalar s : scalars) {
        if (untyped(s) && (((ConstantScalar) s).literal() instanceof String) == strings) {
          LakeType t = target == null ? s.type() : ScalarTypes.adopt((ConstantScalar) s, target);
          target = ScalarTypes.common(target, t, where);
        }
      }
    }
    if (target != null && ScalarTypes.isNested(target)) {
      throw QuacklakeException.invalid(
          "Cannot compare %s values in %s; only IS NULL and IS NOT NULL apply to them",
          ScalarTypes.name(target), where);
    }
    List<Scalar> out = new ArrayList<>();
    for (Scalar s : scalars) {
      out.add(coerce(s, target));
    }
    return out;
  }

  private static boolean untyped(Scalar s) {
    return s instanceof ConstantScalar c && (c.untyped() || c.type() == null);
  }

  private static Scalar compare(CompareOp op, Scalar left, Scalar right) {
    List<Scalar> both = unify(List.of(left, right), "a comparison");
    return new Predicates.Compare(op, both.get(0), both.get(1));
  }

  /**
   * {@code CASE}: branches whose condition is a constant other than TRUE are dropped, and a
   * constant TRUE condition ends the list with its result (as DuckDB's optimizer folds them).
   */
  private Scalar caseScalar(Case c) {
    List<Scalar> conditions = new ArrayList<>();
    List<Scalar> results = new ArrayList<>();
    for (Case.When w : c.branches()) {
      conditions.add(condition(w.condition()));
      results.add(bind(w.result()));
    }
    results.add(bind(c.otherwise()));
    List<Scalar> unified = unify(results, "CASE");
    LakeType type = unified.get(0).type();
    List<Scalar> keptConditions = new ArrayList<>();
    List<Scalar> keptResults = new ArrayList<>();
    Scalar otherwise = unified.get(conditions.size());
    for (int i = 0; i < conditions.size(); i++) {
      Scalar condition = conditions.get(i);
      Object value = constantValue(condition);
      if (value == null && condition.constant() && !failsWhenEvaluated(condition)) {
        continue;
      }
      if (Boolean.FALSE.equals(value)) {
        continue;
      }
      if (Boolean.TRUE.equals(value)) {
        otherwise = unified.get(i);
        break;
      }
      keptConditions.add(condition);
      keptResults.add(unified.get(i));
    }
    if (keptConditions.isEmpty()) {
      return otherwise;
    }
    return new CaseScalar(keptConditions, keptResults, otherwise, type);
  }

  /** The value of a constant that evaluates, else null. */
  private static Object constantValue(Scalar s) {
    if (!s.constant()) {
      return null;
    }
    try {
      return s.value();
    } catch (QuacklakeException failed) {
      return null;
    }
  }

  private static boolean failsWhenEvaluated(Scalar s) {
    try {
      s.value();
      return false;
    } catch (QuacklakeException failed) {
      return true;
    }
  }

  private static Scalar arithmetic(ArithmeticOp op, Scalar l, Scalar r) {
    if (op == ArithmeticOp.CONCAT) {
      return new ArithmeticScalar(
          op,
          ArithmeticScalar.Kind.CONCAT,
          coerce(l, ScalarTypes.VARCHAR),
          coerce(r, ScalarTypes.VARCHAR),
          ScalarTypes.VARCHAR);
    }
    if (l.type() == null || r.type() == null) {
      LakeType t = l.type() != null ? l.type() : r.type() != null ? r.type() : ScalarTypes.INTEGER;
      return new ConstantScalar(null, t, false);
    }
    LakeType lt = untyped(l) ? adoptFor(op, (ConstantScalar) l, r.type()) : l.type();
    LakeType rt = untyped(r) ? adoptFor(op, (ConstantScalar) r, l.type()) : r.type();
    l = coerce(l, lt);
    r = coerce(r, rt);
    if (ScalarTypes.isNumeric(lt) && ScalarTypes.isNumeric(rt)) {
      return numeric(op, l, r);
    }
    return TemporalArithmetic.bind(op, l, r);
  }

  /** The type an untyped literal takes next to {@code other} in arithmetic. */
  private static LakeType adoptFor(ArithmeticOp op, ConstantScalar literal, LakeType other) {
    if (literal.literal() instanceof String
        && (ScalarTypes.isDateOrTimestamp(other) || ScalarTypes.isTime(other))) {
      return ScalarTypes.INTERVAL;
    }
    return ScalarTypes.adopt(literal, other);
  }

  private static Scalar numeric(ArithmeticOp op, Scalar l, Scalar r) {
    LakeType common = ScalarTypes.commonNumeric(l.type(), r.type());
    if (op == ArithmeticOp.DIVIDE || ScalarTypes.isFloating(common)) {
      LakeType out = common.id() == TypeId.FLOAT32 ? ScalarTypes.FLOAT : ScalarTypes.DOUBLE;
      ArithmeticScalar.Kind kind =
          out == ScalarTypes.FLOAT ? ArithmeticScalar.Kind.FLOAT : ArithmeticScalar.Kind.DOUBLE;
      return new ArithmeticScalar(op, kind, coerce(l, out), coerce(r, out), out);
    }
    if (common.id() != TypeId.DECIMAL) {
      return new ArithmeticScalar(
          op, ArithmeticScalar.Kind.INTEGER, coerce(l, common), coerce(r, common), common);
    }
    LakeType a = ScalarTypes.asDecimal(l.type());
    LakeType b = ScalarTypes.asDecimal(r.type());
    int scale;
    int precision;
    switch (op) {
      case ADD, SUBTRACT -> {
        scale = Math.max(a.scale(), b.scale());
        precision = Math.max(a.precision() - a.scale(), b.precision() - b.scale()) + scale + 1;
      }
      case MULTIPLY -> {
        scale = a.scale() + b.scale();
        precision = a.precision() + b.precision();
      }
      default -> {
        scale = common.scale();
        precision = common.precision();
      }
    }
    if (scale > ScalarTypes.MAX_DECIMAL) {
      return numeric(op, coerce(l, ScalarTypes.DOUBLE), coerce(r, ScalarTypes.DOUBLE));
    }
    LakeType out = LakeType.decimal(Math.min(precision, ScalarTypes.MAX_DECIMAL), scale);
    return new ArithmeticScalar(op, ArithmeticScalar.Kind.DECIMAL, coerce(l, a), coerce(r, b), out);
  }
}
