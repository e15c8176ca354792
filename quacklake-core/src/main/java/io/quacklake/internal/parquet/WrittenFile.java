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
 *     PAR1} (of an encrypted file: the crypto metadata and encrypted footer before {@code PARE})
 * @param rowGroupCount row groups in the file
 * @param leafStats per leaf column, keyed by its field id (= DuckLake column id; system columns
 *     under their reserved ids), in schema order
 * @param encryptionKey the file's key (base64, as {@code encryption_key} holds it), or null when
 *     the file is not encrypted
 */
public record WrittenFile(
    Location location,
    long rowCount,
    long fileSizeBytes,
    long footerSize,
    int rowGroupCount,
    Map<Long, LeafStats> leafStats,
    String encryptionKey)
    implements java.io.Serializable {

  /** A file written unencrypted. */
  public WrittenFile(
      Location location,
      long rowCount,
      long fileSizeBytes,
      long footerSize,
      int rowGroupCount,
      Map<Long, LeafStats> leafStats) {
    this(location, rowCount, fileSizeBytes, footerSize, rowGroupCount, leafStats, null);
  }

  /** The same file, encrypted with {@code key} (base64, as the catalog stores it). */
  WrittenFile encrypted(String key) {
    return new WrittenFile(
        location, rowCount, fileSizeBytes, footerSize, rowGroupCount, leafStats, key);
  }

  public WrittenFile {
    Objects.requireNonNull(location, "location is null");
    leafStats = Collections.unmodifiableMap(new LinkedHashMap<>(leafStats));
  }
}
