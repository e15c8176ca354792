package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.List;

/**
 * A table as it is at one snapshot: its catalog row, its columns and its directory.
 *
 * @param table the catalog row
 * @param snapshotId the snapshot it was resolved at
 * @param columns top-level columns in order
 * @param directory where its relative files live
 */
public record ResolvedTable(
    TableRecord table, long snapshotId, List<LakeColumn> columns, Location directory)
    implements java.io.Serializable {
  public ResolvedTable {
    columns = List.copyOf(columns);
  }
}
