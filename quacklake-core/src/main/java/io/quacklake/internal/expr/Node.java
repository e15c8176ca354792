package io.quacklake.internal.expr;

import org.apache.arrow.vector.FieldVector;

/**
 * A bound predicate in negation normal form: NOT has been pushed into the leaves, so a node only
 * needs to find the rows where it is TRUE (FALSE and UNKNOWN rows are dropped alike).
 */
sealed interface Node
    permits ConstantNode,
        NullTestNode,
        LongRangeNode,
        LongSetNode,
        BigRangeNode,
        DoubleCompareNode,
        BytesCompareNode,
        LikeNode,
        ComputedNode,
        AndNode,
        OrNode {

  /**
   * Keeps, in order, the rows of {@code rows[0..n)} for which this predicate is TRUE, compacting
   * them to the front of {@code rows}; returns how many were kept.
   *
   * @param vectors the batch's vectors by column slot
   */
  int filter(FieldVector[] vectors, int[] rows, int n);

  /**
   * 1 for a predicate on a column and literals, which never fails; 2 for one on computed values,
   * which may (an overflow, a zero divisor). Conjunctions and disjunctions run the cheap terms
   * first and the others in the order they were written, so a guard written first still guards.
   */
  default int cost() {
    return 1;
  }

  /** False only when no row with these statistics can make this predicate TRUE. */
  boolean mightMatch(StatsSource stats);
}
