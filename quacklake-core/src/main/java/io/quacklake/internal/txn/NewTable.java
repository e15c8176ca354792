package io.quacklake.internal.txn;

import io.quacklake.TableName;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.UUID;

/**
 * A table created by a transaction; its catalog id is allocated at commit.
 *
 * @param name its qualified name
 * @param uuid its uuid (also names its directory when the name is not path-safe)
 * @param columns its columns with ids allocated from 1
 * @param path its directory as stored, ending in {@code /}: relative to the schema directory when
 *     {@code pathIsRelative}, else absolute
 * @param pathIsRelative whether {@code path} hangs off the schema directory
 * @param directory where its files go
 * @param partitioning its partition keys (empty when unpartitioned)
 */
public record NewTable(
    TableName name,
    UUID uuid,
    List<LakeColumn> columns,
    String path,
    boolean pathIsRelative,
    Location directory,
    List<io.quacklake.PartitionField> partitioning) {
  public NewTable {
    columns = List.copyOf(columns);
    partitioning = List.copyOf(partitioning);
  }
}
