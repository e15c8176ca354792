package io.quacklake.internal.maintenance;

import io.quacklake.TableInfo;
import io.quacklake.TableName;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.ColumnTree;
import io.quacklake.internal.catalog.ObjectGateway;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** What a writing maintenance step works on, and how it is retried. */
final class MaintenanceTargets {
  /** Attempts of a step that keeps meeting concurrent commits before it gives up. */
  private static final int ATTEMPTS = 5;

  private MaintenanceTargets() {}

  /**
   * The named table, or every table at the snapshot whose {@code auto_compact} (its own, else its
   * schema's, else the lake's) allows lake-wide maintenance, as DuckDB decides it.
   */
  static List<ResolvedTable> tables(LakeContext lake, TableName only, long snapshot) {
    List<ResolvedTable> tables = new ArrayList<>();
    if (only != null) {
      ResolvedTable r = lake.tables().resolve(only, snapshot);
      if (hasVariant(r.columns())) {
        throw io.quacklake.exceptions.QuacklakeException.unsupported(
            "table %s has VARIANT columns: Quacklake rewrites VARIANT values from their JSON, which"
                + " would turn dates, timestamps, UUIDs and binary values into strings; maintain it"
                + " with DuckDB",
            only);
      }
      tables.add(r);
      return tables;
    }
    io.quacklake.internal.catalog.ScopedOptions scoped = lake.catalog().scopedOptions();
    for (TableInfo t : lake.tables().tables(snapshot)) {
      ResolvedTable r = lake.tables().resolve(t.name(), snapshot);
      MaintenanceSettings own =
          new MaintenanceSettings(scoped.forTable(r.table().schemaId(), r.table().tableId()));
      // tables with VARIANT columns are left alone (see above)
      if (own.autoCompact() && !hasVariant(r.columns())) {
        tables.add(r);
      }
    }
    return tables;
  }

  private static boolean hasVariant(List<LakeColumn> columns) {
    for (LakeColumn c : columns) {
      if (c.type().id() == io.quacklake.types.TypeId.VARIANT || hasVariant(c.children())) {
        return true;
      }
    }
    return false;
  }

  /** The table's columns as they were at one of its schema versions (by begin snapshot). */
  static List<LakeColumn> columnsAt(
      CatalogSession c, ResolvedTable table, TreeMap<Long, Long> versions, long schemaVersion) {
    long tableId = table.table().tableId();
    for (Map.Entry<Long, Long> e : versions.entrySet()) {
      if (e.getValue() == schemaVersion) {
        return ColumnTree.build(tableId, ObjectGateway.columns(c, tableId, e.getKey()));
      }
    }
    return table.columns();
  }

  /** Runs an attempt again (it plans afresh) while it ends in CONFLICT, a few times. */
  static <T> T retrying(Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (QuacklakeException e) {
        if (e.kind() != ErrorKind.CONFLICT || i >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
