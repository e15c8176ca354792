package io.quacklake.internal.scan;

import io.quacklake.expr.And;
import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.Expression;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;

/** The top-level AND terms of a filter, and the column a reference names as the binder finds it. */
final class FilterTerms {
  private FilterTerms() {}

  /** The terms every matching row satisfies: the filter itself, or the leaves of its ANDs. */
  static List<Expression> of(Expression e) {
    if (e instanceof And and) {
      List<Expression> out = new ArrayList<>();
      and.terms().forEach(t -> out.addAll(of(t)));
      return out;
    }
    return List.of(e);
  }

  /** The column {@code ref} names (exactly, else the one column equal ignoring case); or null. */
  static LakeColumn column(ColumnRef ref, List<LakeColumn> columns) {
    for (LakeColumn c : columns) {
      if (c.name().equals(ref.name())) {
        return c;
      }
    }
    List<LakeColumn> loose =
        columns.stream().filter(c -> c.name().equalsIgnoreCase(ref.name())).toList();
    return loose.size() == 1 ? loose.get(0) : null;
  }
}
