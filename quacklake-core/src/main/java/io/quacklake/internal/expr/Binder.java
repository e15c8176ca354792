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

  Binder(List<LakeColumn> columns) {
    this.columns = List.copyOf(columns);
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
    } else if (e instanceof Like l) {
      ColumnSlot col = slot(l.column());
      TypeId type = col.column().type().id();
      if (type != TypeId.VARCHAR && type != TypeId.JSON) {
        throw QuacklakeException.invalid(
            "%s LIKE needs a text column, but %s is %s; compare it with =, <, IN or BETWEEN",
            l.column(), l.column(), col.column().type());
      }
      boolean wantMatch = l.negated() == negate;
      return new LikeNode(
          col,
          LikeNode.codePoints(l.pattern(), l.caseInsensitive()),
          l.caseInsensitive(),
          l.pattern(),
          LikeNode.prefix(l.pattern(), l.caseInsensitive(), wantMatch),
          wantMatch);
    } else if (e instanceof IsNull i) {
      return new NullTestNode(slot(i.column()), i.negated() == negate);
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
    Literal l = (Literal) e;
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

  private Node comparison(Comparison c, boolean negate) {
    CompareOp op = negate ? c.op().negate() : c.op();
    if (c.left() instanceof ColumnRef col && c.right() instanceof Literal lit) {
      return LeafNodes.comparison(slot(col), op, lit);
    } else if (c.left() instanceof Literal lit && c.right() instanceof ColumnRef col) {
      return LeafNodes.comparison(slot(col), op.flip(), lit);
    }
    throw QuacklakeException.invalid(
        "Cannot filter on %s: a comparison needs a column on one side and a literal on the other",
        c);
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
