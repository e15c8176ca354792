package io.quacklake.internal.expr;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;

/** TRUE where every term is TRUE. */
record AndNode(List<Node> terms) implements Node {
  /** The conjunction, simplified: TRUE terms dropped, FALSE absorbs, one term stands alone. */
  static Node of(List<Node> terms) {
    List<Node> kept = terms.stream().filter(t -> !t.equals(ConstantNode.TRUE)).toList();
    if (kept.contains(ConstantNode.FALSE)) {
      return ConstantNode.FALSE;
    }
    kept = kept.stream().sorted(java.util.Comparator.comparingInt(Node::cost)).toList();
    return kept.isEmpty() ? ConstantNode.TRUE : kept.size() == 1 ? kept.get(0) : new AndNode(kept);
  }

  @Override
  public int cost() {
    return terms.stream().mapToInt(Node::cost).max().orElse(1);
  }

  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    int k = n;
    for (Node t : terms) {
      if (k == 0) {
        break;
      }
      k = t.filter(vectors, rows, k);
    }
    return k;
  }

  @Override
  public boolean mightMatch(StatsSource stats) {
    for (Node t : terms) {
      if (!t.mightMatch(stats)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return terms.stream().map(t -> "(" + t + ")").collect(Collectors.joining(" AND "));
  }
}
