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
    if (c.left() instanceof ColumnRef col && foldable(c.right())) {
      return LeafNodes.comparison(slot(col), op, fold(c.right()));
    } else if (foldable(c.left()) && c.right() instanceof ColumnRef col) {
      return LeafNodes.comparison(slot(col), op.flip(), fold(c.left()));
    }
    return computed(c, negate);
  }

  private boolean foldable(Expression e) {
    return e instanceof Literal || (!(e instanceof ColumnRef) && scalars.bind(e).constant());
  }

  private Literal fold(Expression e) {
    return e instanceof Literal l ? l : ScalarBinder.literal(scalars.bind(e));
  }

  /**
   * A condition evaluated on computed values: rows where it is TRUE are kept, or FALSE when negated
   * (NULL rows never).
   */
  private Node computed(Expression e, boolean negate) {
    Scalar condition = scalars.condition(e);
    if (condition.constant()) {
      Object v = condition.value();
      return v != null && (Boolean) v != negate ? ConstantNode.TRUE : ConstantNode.FALSE;
    }
    return new ComputedNode(condition, !negate, 1 + size(e));
  }

  /** How many nodes {@code e} has: the cost of evaluating it, roughly. */
  private static int size(Expression e) {
    if (e instanceof io.quacklake.expr.Arithmetic a) {
      return 1 + size(a.left()) + size(a.right());
    } else if (e instanceof io.quacklake.expr.Call c) {
      return 1 + c.arguments().stream().mapToInt(Binder::size).sum();
    } else if (e instanceof io.quacklake.expr.Case c) {
      int n = 1 + size(c.otherwise());
      for (io.quacklake.expr.Case.When w : c.branches()) {
        n += size(w.condition()) + size(w.result());
      }
      return n;
    } else if (e instanceof io.quacklake.expr.Cast c) {
      return 1 + size(c.operand());
    } else if (e instanceof Comparison c) {
      return 1 + size(c.left()) + size(c.right());
    } else if (e instanceof And a) {
      return 1 + a.terms().stream().mapToInt(Binder::size).sum();
    } else if (e instanceof Or o) {
      return 1 + o.terms().stream().mapToInt(Binder::size).sum();
    } else if (e instanceof Not n) {
      return 1 + size(n.operand());
    } else if (e instanceof IsNull i) {
      return 1 + size(i.operand());
    } else if (e instanceof Like l) {
      return 1 + size(l.operand());
    } else if (e instanceof InList in) {
      return 1 + in.values().size();
    }
    return e instanceof Between ? 3 : 1;
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
