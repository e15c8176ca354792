package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Literal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the node of one column predicate with the operator already negated as needed. Exact
 * families reduce every comparison to a key range ({@code id < 10.5} on an integer column becomes
 * {@code id <= 10}; a constant outside the type's range becomes TRUE-for-non-NULL or FALSE).
 */
final class LeafNodes {
  private LeafNodes() {}

  static Node comparison(ColumnSlot col, CompareOp op, Literal literal) {
    requireComparable(col);
    Object c = LiteralConversion.convert(literal, col.column(), col.space());
    if (c == null) {
      return ConstantNode.FALSE;
    }
    return switch (col.space().family()) {
      case LONG, BIG -> range(col, op, (ExactKey) c);
      case DOUBLE -> new DoubleCompareNode(col, op, (Double) c);
      default -> new BytesCompareNode(col, op, (byte[]) c);
    };
  }

  static Node in(ColumnSlot col, List<Literal> values, boolean negated) {
    requireComparable(col);
    KeySpace space = col.space();
    boolean hasNull = values.stream().anyMatch(v -> v.value() == null);
    if (negated && hasNull) {
      return ConstantNode.FALSE;
    }
    if (space.family() != KeySpace.Family.LONG) {
      List<Node> terms = new ArrayList<>();
      for (Literal v : values) {
        terms.add(comparison(col, negated ? CompareOp.NE : CompareOp.EQ, v));
      }
      return negated ? AndNode.of(terms) : OrNode.of(terms);
    }
    TreeSet<Long> keys = new TreeSet<>();
    for (Literal v : values) {
      Object c = LiteralConversion.convert(v, col.column(), space);
      if (c instanceof ExactKey k
          && k.infinity() == 0
          && k.integral()
          && inDomain(k.floor(), space)) {
        keys.add(space.toLong(k.floor()));
      }
    }
    if (keys.isEmpty()) {
      return negated ? new NullTestNode(col, false) : ConstantNode.FALSE;
    }
    return new LongSetNode(col, keys.stream().mapToLong(Long::longValue).toArray(), negated);
  }

  private static void requireComparable(ColumnSlot col) {
    if (col.space().family() == KeySpace.Family.NONE) {
      throw QuacklakeException.invalid(
          "Cannot compare column %s of type %s: only IS NULL and IS NOT NULL apply to it",
          col, col.column().sqlTypeName());
    }
  }

  private static Node range(ColumnSlot col, CompareOp op, ExactKey k) {
    KeySpace space = col.space();
    if (k.infinity() != 0) {
      boolean above = k.infinity() > 0;
      boolean always =
          switch (op) {
            case EQ -> false;
            case NE -> true;
            case LT, LE -> above;
            case GT, GE -> !above;
          };
      return always ? new NullTestNode(col, false) : ConstantNode.FALSE;
    }
    BigInteger lo = space.min();
    BigInteger hi = space.max();
    boolean negated = false;
    switch (op) {
      case EQ, NE -> {
        if (!k.integral()) {
          return op == CompareOp.EQ ? ConstantNode.FALSE : new NullTestNode(col, false);
        }
        lo = k.floor();
        hi = k.floor();
        negated = op == CompareOp.NE;
      }
      case LT -> hi = k.ceil().subtract(BigInteger.ONE);
      case LE -> hi = k.floor();
      case GT -> lo = k.floor().add(BigInteger.ONE);
      case GE -> lo = k.ceil();
    }
    lo = lo.max(space.min());
    hi = hi.min(space.max());
    if (lo.compareTo(hi) > 0) {
      return negated ? new NullTestNode(col, false) : ConstantNode.FALSE;
    }
    if (lo.equals(space.min()) && hi.equals(space.max())) {
      return negated ? ConstantNode.FALSE : new NullTestNode(col, false);
    }
    if (space.family() == KeySpace.Family.BIG) {
      return new BigRangeNode(col, lo, hi, negated);
    }
    return new LongRangeNode(col, space.toLong(lo), space.toLong(hi), negated);
  }

  private static boolean inDomain(BigInteger key, KeySpace space) {
    return key.compareTo(space.min()) >= 0 && key.compareTo(space.max()) <= 0;
  }
}
