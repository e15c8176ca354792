package io.quacklake.internal.lake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.internal.write.PartitionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The partition values of a file registered in a partitioned table, read from its hive directories
 * as DuckDB's {@code ducklake_add_data_files} reads them: every key of the table's spec must be
 * there, under the key's hive name ({@code region}, {@code year}, {@code bucket}, ...); identity
 * values must be values of their column, transformed ones integers, bucket numbers below the bucket
 * count.
 */
final class RegisteredPartition {
  private RegisteredPartition() {}

  /**
   * @param path the file's location
   * @param keys the table's partition keys, empty when it is not partitioned
   * @return the values by key index (DuckDB text, null for NULL)
   * @throws QuacklakeException INVALID_ARGUMENT naming the file and the key that is missing or does
   *     not fit
   */
  static List<String> values(String path, List<PartitionKey> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<String, String> hive = io.quacklake.internal.scan.HivePath.values(path);
    List<String> names = PartitionKey.hiveKeys(keys);
    List<String> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      PartitionKey key = keys.get(i);
      String name = names.get(i);
      String raw = hive.get(name.toLowerCase(java.util.Locale.ROOT));
      if (raw == null) {
        throw QuacklakeException.invalid(
            "cannot add %s: the table is partitioned by %s, so the file must lie in a '%s=VALUE'"
                + " directory (as DuckDB requires); move it there or add it to an unpartitioned"
                + " table",
            path, keys.stream().map(k -> k.hiveKey()).toList(), name);
      }
      out.add(value(path, key, name, raw));
    }
    return out;
  }

  private static String value(String path, PartitionKey key, String name, String raw) {
    if (raw.equals("__HIVE_DEFAULT_PARTITION__") || raw.equals("NULL")) {
      return null;
    }
    try {
      if (key.transform().equals("identity")) {
        return DuckDbText.format(DuckDbText.parse(raw, key.column()), key.column());
      }
      long n = Long.parseLong(raw.trim());
      int buckets = PartitionKey.buckets(key.transform());
      if (buckets > 0 && (n < 0 || n >= buckets)) {
        throw new NumberFormatException("outside 0.." + (buckets - 1));
      }
      return Long.toString(n);
    } catch (RuntimeException e) {
      throw QuacklakeException.invalid(
          "cannot add %s: its directory %s=%s is not a %s value of partition key %s(%s)",
          path,
          name,
          raw,
          key.transform().equals("identity") ? key.column().sqlTypeName() : "valid",
          key.transform(),
          key.column().name());
    }
  }
}
