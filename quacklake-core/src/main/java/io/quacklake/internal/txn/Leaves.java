package io.quacklake.internal.txn;

import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;

/** The leaf (primitive) columns of a column tree, in pre-order: the columns that carry stats. */
public final class Leaves {
  private Leaves() {}

  public static List<LakeColumn> of(List<LakeColumn> columns) {
    List<LakeColumn> out = new ArrayList<>();
    collect(columns, out);
    return out;
  }

  private static void collect(List<LakeColumn> columns, List<LakeColumn> out) {
    for (LakeColumn c : columns) {
      if (c.type().id().isNested()) {
        collect(c.children(), out);
      } else {
        out.add(c);
      }
    }
  }
}
