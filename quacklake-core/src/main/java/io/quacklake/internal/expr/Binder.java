package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.And;
import io.quacklake.expr.Between;
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
import io.quacklake.internal.expr.scalar.InputColumn;
import io.quacklake.internal.expr.scalar.LikePattern;
import io.quacklake.internal.expr.scalar.Scalar;
import io.quacklake.internal.expr.scalar.ScalarBinder;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves an expression against a table's top-level columns and turns it into {@link Node}s in
 * negation normal form: NOT is pushed down with De Morgan's laws and negated operators, which keeps
 * SQL's three-valued logic because every leaf is UNKNOWN exactly for NULL inputs.
 */
final class Binder {
  private final List<LakeColumn> columns;
  private final Map<Long, ColumnSlot> slots = new LinkedHashMap<>();

  private final ScalarBinder scalars;

  Binder(List<LakeColumn> columns, java.time.Instant now) {
    this.columns = List.copyOf(columns);
    this.scalars =
        new ScalarBinder(
            ref -> {
              ColumnSlot s = slot(ref);
              return new InputColumn(s.slot(), s.column());
            },
            now);
  }

  List<ColumnSlot> slots() {
    return List.copyOf(slots.values());
  }

  Node bind(Expression e, boolean negate) {
    if (e instanceof And a) {
      List<Node> terms = terms(a.terms(), negate);
      return negate ? OrNode.of(terms) : AndNode.of(terms);
    } else if (e instanceof Or o) {
      List<Node> terms = terms(o.terms(), negate);
      return negate ? AndNode.of(terms) : OrNode.of(terms);
    } else if (e instanceof Not n) {
      return bind(n.operand(), !negate);
    } else if (e instanceof Comparison c) {
      return comparison(c, negate);
    } else if (e instanceof Like l && l.operand() instanceof ColumnRef ref) {
      ColumnSlot col = slot(ref);
      TypeId type = col.column().type().id();
      if (type != TypeId.VARCHAR && type != TypeId.JSON) {
        throw QuacklakeException.invalid(
            "%s LIKE needs a text column, but %s is %s; compare it with =, <, IN or BETWEEN",
            ref, ref, col.column().type());
      }
      boolean wantMatch = l.negated() == negate;
      return new LikeNode(
          col,
          new LikePattern(l.pattern(), l.caseInsensitive()),
          l.caseInsensitive(),
          l.pattern(),
          LikeNode.prefix(l.pattern(), l.caseInsensitive(), wantMatch),
          wantMatch);
    } else if (e instanceof IsNull i && i.operand() instanceof ColumnRef ref) {
      return new NullTestNode(slot(ref), i.negated() == negate);
    } else if (e instanceof InList in) {
      return LeafNodes.in(slot(in.column()), in.values(), in.negated() != negate);
    } else if (e instanceof Between b) {
      ColumnSlot col = slot(b.column());
      if (b.negated() == negate) {
        return AndNode.of(
            List.of(
                LeafNodes.comparison(col, CompareOp.GE, b.low()),
                LeafNodes.comparison(col, CompareOp.LE, b.high())));
      }
      return OrNode.of(
          List.of(
              LeafNodes.comparison(col, CompareOp.LT, b.low()),
              LeafNodes.comparison(col, CompareOp.GT, b.high())));
    } else if (e instanceof ColumnRef c) {
      ColumnSlot col = slot(c);
      if (col.column().type().id() != TypeId.BOOLEAN) {
        throw QuacklakeException.invalid(
            "Column %s is %s, not BOOLEAN, so it cannot stand alone as a condition; compare it"
                + " with a value",
            col, col.column().sqlTypeName());
      }
      return LeafNodes.comparison(col, negate ? CompareOp.NE : CompareOp.EQ, Literal.of(true));
    }
    if (!(e instanceof Literal l)) {
      return computed(e, negate);
    }
    if (l.value() == null) {
      return ConstantNode.FALSE;
    } else if (l.value() instanceof Boolean b) {
      return b != negate ? ConstantNode.TRUE : ConstantNode.FALSE;
    }
    throw QuacklakeException.invalid(
        "Literal %s cannot stand alone as a condition; compare a column with it", l);
  }

  private List<Node> terms(List<Expression> terms, boolean negate) {
    List<Node> out = new ArrayList<>(terms.size());
    for (Expression t : terms) {
      out.add(bind(t, negate));
    }
    return out;
  }

  /**
   * A column compared with a literal, or with an expression of literals only (folded into one, so
   * {@code ts > now() - INTERVAL 1 DAY} still prunes), is a leaf node; any other comparison is
   * computed row by row.
   */
  private Node comparison(Comparison c, boolean negate) {
    CompareOp op = negate ? c.op().negate() : c.op();
    if (c.left() instanceof ColumnRef col) {
      Literal folded = folded(c.right(), col);
      if (folded != null) {
        return LeafNodes.comparison(slot(col), op, folded);
      }
    }
    if (c.right() instanceof ColumnRef col) {
      Literal folded = folded(c.left(), col);
      if (folded != null) {
        return LeafNodes.comparison(slot(col), op.flip(), folded);
      }
    }
    return computed(c, negate);
  }

  /**
   * The literal {@code e} is or folds to, for comparing {@code column} with it in a leaf node; null
   * when {@code e} depends on a column, fails to evaluate (then only rows may make it fail), or is
   * a DOUBLE meeting an integer or decimal column, which DuckDB compares in DOUBLE (the computed
   * path does; a leaf would compare exactly).
   */
  private Literal folded(Expression e, ColumnRef column) {
    Literal literal;
    if (e instanceof Literal l) {
      literal = l;
    } else if (e instanceof ColumnRef) {
      return null;
    } else {
      Scalar s = scalars.bind(e);
      if (!s.constant()) {
        return null;
      }
      try {
        literal = ScalarBinder.literal(s);
      } catch (QuacklakeException failed) {
        return null;
      }
    }
    TypeId type = resolve(column.name()).type().id();
    boolean exact = type.isInteger() || type == TypeId.DECIMAL;
    return literal.value() instanceof Double && exact ? null : literal;
  }

  /**
   * A condition evaluated on computed values: rows where it is TRUE are kept, or FALSE when negated
   * (NULL rows never).
   */
  private Node computed(Expression e, boolean negate) {
    Scalar condition = scalars.condition(e);
    if (condition.constant()) {
      try {
        Object v = condition.value();
        return v != null && (Boolean) v != negate ? ConstantNode.TRUE : ConstantNode.FALSE;
      } catch (QuacklakeException failed) {
        // fails for every row, so for none when there are no rows: evaluated with the rows
      }
    }
    return new ComputedNode(condition, !negate);
  }

  private ColumnSlot slot(ColumnRef ref) {
    LakeColumn column = resolve(ref.name());
    return slots.computeIfAbsent(
        column.id(), id -> new ColumnSlot(slots.size(), column, KeySpace.of(column.type())));
  }

  private LakeColumn resolve(String name) {
    for (LakeColumn c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    List<LakeColumn> matches =
        columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String available =
        columns.stream().map(c -> SqlText.identifier(c.name())).collect(Collectors.joining(", "));
    if (matches.isEmpty()) {
      throw QuacklakeException.invalid(
          "Unknown column %s in filter; available columns: %s",
          SqlText.identifier(name), available);
    }
    throw QuacklakeException.invalid(
        "Column name %s in filter is ambiguous (matches %s); quote it with the exact case",
        SqlText.identifier(name),
        matches.stream().map(c -> SqlText.identifier(c.name())).collect(Collectors.joining(", ")));
  }
}
