package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expression;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A filter resolved against a table's columns, with every literal converted to its column's type as
 * DuckDB would. It selects rows of Arrow batches ({@link #select}) and tells whether a file or row
 * group might hold a matching row ({@link #mightMatch}). Immutable and thread-safe.
 */
public final class BoundFilter {
  /** The filter that keeps every row. */
  public static final BoundFilter TRUE = new BoundFilter(null, ConstantNode.TRUE, List.of());

  private final Expression expression;
  private final Node root;
  private final List<ColumnSlot> slots;

  private BoundFilter(Expression expression, Node root, List<ColumnSlot> slots) {
    this.expression = expression;
    this.root = root;
    this.slots = slots;
  }

  /**
   * Binds {@code expression} to the top-level {@code columns} of a table. Names match
   * case-insensitively when no column has the exact name; nested columns only take {@code IS [NOT]
   * NULL}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for an unknown column (the message lists the
   *     available ones), a literal that does not convert to its column's type, or a construct the
   *     column's type does not support
   */
  public static BoundFilter bind(Expression expression, List<LakeColumn> columns) {
    Objects.requireNonNull(expression, "expression is null");
    Objects.requireNonNull(columns, "columns is null");
    Binder binder =
        new Binder(
            columns, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    Node root = binder.bind(expression, false);
    return new BoundFilter(expression, root, binder.slots());
  }

  /** The expression this filter was bound from, or null for {@link #TRUE}. */
  public Expression expression() {
    return expression;
  }

  /** Whether the filter keeps every row (e.g. {@code TRUE}, {@code x IS NULL OR TRUE}). */
  public boolean isAlwaysTrue() {
    return root.equals(ConstantNode.TRUE);
  }

  /** Whether the filter can keep no row (e.g. {@code x = NULL}, {@code int8_col > 1000}). */
  public boolean isAlwaysFalse() {
    return root.equals(ConstantNode.FALSE);
  }

  /**
   * The rows of {@code batch} for which the filter is TRUE (rows where it is FALSE or NULL are left
   * out). A column's vector is the field whose {@value ArrowTypes#COLUMN_ID} metadata holds its id,
   * else the field whose name equals the column name ignoring case.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when a referenced column has no vector in the batch
   *     or its vector does not have the column type's Arrow type
   */
  public Selection select(VectorSchemaRoot batch) {
    int rowCount = batch.getRowCount();
    Selection all = Selection.all(rowCount);
    if (isAlwaysTrue() || rowCount == 0) {
      return all;
    }
    FieldVector[] vectors = new FieldVector[slots.size()];
    for (ColumnSlot s : slots) {
      vectors[s.slot()] = vector(batch, s);
    }
    int[] rows = all.toArray();
    int n = root.filter(vectors, rows, rowCount);
    return new Selection(rows, n);
  }

  private static FieldVector vector(VectorSchemaRoot batch, ColumnSlot s) {
    FieldVector byName = null;
    for (FieldVector v : batch.getFieldVectors()) {
      if (ArrowTypes.columnId(v.getField()) == s.column().id()) {
        return v;
      }
      if (byName == null && v.getName().equalsIgnoreCase(s.column().name())) {
        byName = v;
      }
    }
    if (byName == null) {
      throw QuacklakeException.invalid(
          "Cannot filter the batch: it has no vector for column %s (id %d)", s, s.column().id());
    }
    return byName;
  }

  /**
   * False only when no row described by {@code stats} can satisfy the filter; true when one might,
   * including whenever statistics are missing.
   */
  public boolean mightMatch(StatsSource stats) {
    return root.mightMatch(Objects.requireNonNull(stats, "stats is null"));
  }

  /** The ids of the columns the filter reads, in order of first use. */
  public Set<Long> referencedColumnIds() {
    Set<Long> ids = new LinkedHashSet<>();
    slots.forEach(s -> ids.add(s.column().id()));
    return ids;
  }

  /** The names of the columns the filter reads, as the table spells them, in order of first use. */
  public List<String> referencedColumnNames() {
    return slots.stream().map(s -> s.column().name()).toList();
  }

  /** The expression's SQL text, or {@code TRUE}. */
  @Override
  public String toString() {
    return expression == null ? "TRUE" : expression.toString();
  }
}
