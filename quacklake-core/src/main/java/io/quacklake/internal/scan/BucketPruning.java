package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.PartitionColumnRecord;
import io.quacklake.internal.write.BucketHash;
import io.quacklake.types.LakeColumn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prunes the files of {@code bucket(N)} partitions as DuckDB does: a filter that pins a column to
 * some values keeps only the files whose partition value is the bucket of one of them (DuckDB
 * matches the stored value exactly). Not thread-safe (it caches the buckets per key).
 */
final class BucketPruning {
  private static final Pattern BUCKET = Pattern.compile("bucket\\(([1-9]\\d{0,8})\\)");

  private final Map<Long, List<Object>> values;
  private final Map<Long, LakeColumn> columns;
  private final Map<String, Set<String>> buckets = new HashMap<>();

  /**
   * @param values per column id, the values a matching row's value is one of
   * @param columns the table's columns by id
   */
  BucketPruning(Map<Long, List<Object>> values, Map<Long, LakeColumn> columns) {
    this.values = values;
    this.columns = columns;
  }

  /** False when a bucket key of the file rules out every value the filter allows. */
  boolean mightMatch(List<PartitionColumnRecord> keys, Map<Integer, String> fileValues) {
    if (values.isEmpty()) {
      return true;
    }
    for (PartitionColumnRecord key : keys) {
      List<Object> allowed = values.get(key.columnId());
      Matcher m = BUCKET.matcher(key.transform());
      if (allowed == null
          || !m.matches()
          || !columns.containsKey(key.columnId())
          || !fileValues.containsKey(key.keyIndex())) {
        continue;
      }
      String fileBucket = fileValues.get(key.keyIndex());
      Set<String> possible = bucketsOf(key.columnId(), m.group(1), allowed);
      if (possible != null && (fileBucket == null || !possible.contains(fileBucket))) {
        return false;
      }
    }
    return true;
  }

  /** The buckets of the allowed values; null when one of them cannot be hashed (no pruning). */
  private Set<String> bucketsOf(long columnId, String count, List<Object> allowed) {
    return buckets.computeIfAbsent(
        columnId + ":" + count,
        k -> {
          int n = Integer.parseInt(count);
          LakeColumn column = columns.get(columnId);
          Set<String> out = new HashSet<>();
          try {
            for (Object v : allowed) {
              out.add(Integer.toString(BucketHash.bucket(v, column, n)));
            }
          } catch (RuntimeException e) {
            return null;
          }
          return out;
        });
  }
}
