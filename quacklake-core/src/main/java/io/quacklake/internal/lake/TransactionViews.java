package io.quacklake.internal.lake;

import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.ViewRecord;
import io.quacklake.internal.txn.TransactionState;
import java.util.ArrayList;
import java.util.List;

/** How a transaction sees views: those at its base snapshot, minus dropped, plus created. */
public final class TransactionViews {
  private final LakeContext lake;
  private final TransactionState state;

  public TransactionViews(LakeContext lake, TransactionState state) {
    this.lake = lake;
    this.state = state;
  }

  public boolean exists(TableName name) {
    return state.viewCreated(name) || atBase(name) != null;
  }

  public ViewRecord existing(TableName name) {
    ViewRecord v = atBase(name);
    if (v == null) {
      throw QuacklakeException.notFound("view %s does not exist", name);
    }
    return v;
  }

  /** The views of a schema this transaction sees. */
  public List<TableName> namesIn(String schema) {
    List<TableName> out = new ArrayList<>();
    for (ViewRecord v : lake.objects().views(state.base().snapshotId())) {
      if (v.schemaName().equals(schema) && !state.viewDropped(v.viewId())) {
        out.add(new TableName(v.schemaName(), v.name()));
      }
    }
    return out;
  }

  private ViewRecord atBase(TableName name) {
    for (ViewRecord v : lake.objects().views(state.base().snapshotId())) {
      if (v.schemaName().equals(name.schema())
          && v.name().equals(name.table())
          && !state.viewDropped(v.viewId())) {
        return v;
      }
    }
    return null;
  }
}
