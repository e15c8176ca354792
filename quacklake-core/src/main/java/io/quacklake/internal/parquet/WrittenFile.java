package io.quacklake.internal.parquet;

import io.quacklake.storage.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The exact facts of a finished Parquet file, as the catalog needs them.
 *
 * @param location where the file is
 * @param rowCount rows in the file
 * @param fileSizeBytes the file's exact length
 * @param footerSize the Thrift {@code FileMetaData} length stored just before the trailing {@code
 *     PAR1}
 * @param rowGroupCount row groups in the file
 * @param leafStats per leaf column, keyed by its field id (= DuckLake column id; system columns
 *     under their reserved ids), in schema order
 */
public record WrittenFile(
    Location location,
    long rowCount,
    long fileSizeBytes,
    long footerSize,
    int rowGroupCount,
    Map<Long, LeafStats> leafStats)
    implements java.io.Serializable {

  public WrittenFile {
    Objects.requireNonNull(location, "location is null");
    leafStats = Collections.unmodifiableMap(new LinkedHashMap<>(leafStats));
  }
}
