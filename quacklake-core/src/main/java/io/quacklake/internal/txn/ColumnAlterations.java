package io.quacklake.internal.txn;

import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;

/** A table's columns after a list of alterations (the view a transaction has of them). */
public final class ColumnAlterations {
  private ColumnAlterations() {}

  public static List<LakeColumn> apply(List<LakeColumn> columns, List<ColumnChange> changes) {
    List<LakeColumn> out = new ArrayList<>(columns);
    for (ColumnChange change : changes) {
      if (change instanceof ColumnChange.Add add) {
        out.add(add.column());
      } else if (change instanceof ColumnChange.Drop drop) {
        out.removeIf(c -> c.id() == drop.column().id());
      } else if (change instanceof ColumnChange.Rename r) {
        out.replaceAll(
            c ->
                c.id() == r.column().id()
                    ? new LakeColumn(
                        c.id(),
                        r.newName(),
                        c.type(),
                        c.nullable(),
                        c.initialDefault(),
                        c.defaultValue(),
                        c.children())
                    : c);
      } else if (change instanceof ColumnChange.SetType t) {
        out.replaceAll(
            c ->
                c.id() == t.column().id()
                    ? new LakeColumn(
                        c.id(),
                        c.name(),
                        t.newType(),
                        c.nullable(),
                        c.initialDefault(),
                        c.defaultValue(),
                        c.children())
                    : c);
      }
    }
    return out;
  }
}
