package io.quacklake.internal.txn;

import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A table's columns after a list of alterations (the view a transaction has of them). */
public final class ColumnAlterations {
  private ColumnAlterations() {}

  public static List<LakeColumn> apply(List<LakeColumn> columns, List<ColumnChange> changes) {
    List<LakeColumn> out = new ArrayList<>(columns);
    for (ColumnChange change : changes) {
      if (change instanceof ColumnChange.Add add) {
        if (add.parentId() == null) {
          out.add(add.column());
        } else {
          out = map(out, add.parentId(), p -> withChildren(p, append(p.children(), add.column())));
        }
      } else if (change instanceof ColumnChange.Drop drop) {
        out = remove(out, drop.column().id());
      } else if (change instanceof ColumnChange.Rename r) {
        out =
            map(
                out,
                r.column().id(),
                c ->
                    new LakeColumn(
                        c.id(),
                        r.newName(),
                        c.type(),
                        c.nullable(),
                        c.initialDefault(),
                        c.defaultValue(),
                        c.children()));
      } else if (change instanceof ColumnChange.SetType t) {
        out =
            map(
                out,
                t.column().id(),
                c ->
                    new LakeColumn(
                        c.id(),
                        c.name(),
                        t.newType(),
                        c.nullable(),
                        c.initialDefault(),
                        c.defaultValue(),
                        c.children()));
      }
    }
    return out;
  }

  /** The tree with the column of id {@code id} (at any depth) replaced by {@code f} of it. */
  private static List<LakeColumn> map(
      List<LakeColumn> columns, long id, UnaryOperator<LakeColumn> f) {
    List<LakeColumn> out = new ArrayList<>(columns.size());
    for (LakeColumn c : columns) {
      if (c.id() == id) {
        out.add(f.apply(c));
      } else if (!c.children().isEmpty()) {
        out.add(withChildren(c, map(c.children(), id, f)));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private static List<LakeColumn> remove(List<LakeColumn> columns, long id) {
    List<LakeColumn> out = new ArrayList<>(columns.size());
    for (LakeColumn c : columns) {
      if (c.id() != id) {
        out.add(c.children().isEmpty() ? c : withChildren(c, remove(c.children(), id)));
      }
    }
    return out;
  }

  private static List<LakeColumn> append(List<LakeColumn> children, LakeColumn child) {
    List<LakeColumn> out = new ArrayList<>(children);
    out.add(child);
    return out;
  }

  private static LakeColumn withChildren(LakeColumn c, List<LakeColumn> children) {
    return new LakeColumn(
        c.id(), c.name(), c.type(), c.nullable(), c.initialDefault(), c.defaultValue(), children);
  }
}
