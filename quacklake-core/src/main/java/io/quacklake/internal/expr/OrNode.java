package io.quacklake.internal.expr;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.FieldVector;

/** TRUE where some term is TRUE; each term sees only the rows no earlier term matched. */
record OrNode(List<Node> terms) implements Node {
  /** The disjunction, simplified: FALSE terms dropped, TRUE absorbs, one term stands alone. */
  static Node of(List<Node> terms) {
    List<Node> kept = terms.stream().filter(t -> !t.equals(ConstantNode.FALSE)).toList();
    if (kept.contains(ConstantNode.TRUE)) {
      return ConstantNode.TRUE;
    }
    kept = kept.stream().sorted(java.util.Comparator.comparingInt(Node::cost)).toList();
    return kept.isEmpty() ? ConstantNode.FALSE : kept.size() == 1 ? kept.get(0) : new OrNode(kept);
  }

  @Override
  public int cost() {
    return terms.stream().mapToInt(Node::cost).max().orElse(1);
  }

  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    if (n == 0) {
      return 0;
    }
    boolean[] hit = new boolean[rows[n - 1] + 1];
    int[] remaining = Arrays.copyOf(rows, n);
    int left = n;
    int[] scratch = new int[n];
    for (Node t : terms) {
      System.arraycopy(remaining, 0, scratch, 0, left);
      int m = t.filter(vectors, scratch, left);
      for (int j = 0; j < m; j++) {
        hit[scratch[j]] = true;
      }
      int r = 0;
      for (int j = 0; j < left; j++) {
        if (!hit[remaining[j]]) {
          remaining[r++] = remaining[j];
        }
      }
      left = r;
      if (left == 0) {
        break;
      }
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (hit[rows[i]]) {
        rows[k++] = rows[i];
      }
    }
    return k;
  }

  @Override
  public boolean mightMatch(StatsSource stats) {
    for (Node t : terms) {
      if (t.mightMatch(stats)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return terms.stream().map(t -> "(" + t + ")").collect(Collectors.joining(" OR "));
  }
}
