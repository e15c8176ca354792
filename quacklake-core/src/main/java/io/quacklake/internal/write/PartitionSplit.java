package io.quacklake.internal.write;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Splits a batch by partition key into one batch per partition, in partition order. */
public final class PartitionSplit {
  private PartitionSplit() {}

  /**
   * One partition of a batch.
   *
   * @param values the partition values (DuckDB text, null for NULL) by key index
   * @param directory the hive directory, e.g. {@code region=EU/year=2025/}
   * @param batch the partition's rows in the table's layout; the caller closes it
   */
  public record Part(List<String> values, String directory, VectorSchemaRoot batch) {}

  public static List<Part> split(
      VectorSchemaRoot aligned,
      List<LakeColumn> columns,
      List<PartitionKey> keys,
      BufferAllocator allocator) {
    Map<List<String>, List<Integer>> groups = new TreeMap<>(KEY_ORDER);
    for (int r = 0; r < aligned.getRowCount(); r++) {
      List<String> values = new ArrayList<>(keys.size());
      for (PartitionKey k : keys) {
        FieldVector v = aligned.getVector(columns.indexOf(k.column()));
        values.add(k.value(ArrowValues.get(v, r)));
      }
      groups.computeIfAbsent(values, x -> new ArrayList<>()).add(r);
    }
    List<Part> parts = new ArrayList<>(groups.size());
    for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
      VectorSchemaRoot batch = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
      List<Integer> rows = g.getValue();
      for (int c = 0; c < columns.size(); c++) {
        FieldVector to = batch.getVector(c);
        FieldVector from = aligned.getVector(c);
        to.allocateNew();
        for (int i = 0; i < rows.size(); i++) {
          to.copyFromSafe(rows.get(i), i, from);
        }
        to.setValueCount(rows.size());
      }
      batch.setRowCount(rows.size());
      parts.add(new Part(g.getKey(), directory(keys, g.getKey()), batch));
    }
    return parts;
  }

  private static String directory(List<PartitionKey> keys, List<String> values) {
    StringBuilder dir = new StringBuilder();
    List<String> names = PartitionKey.hiveKeys(keys);
    for (int i = 0; i < keys.size(); i++) {
      dir.append(PartitionKey.directory(names.get(i), values.get(i))).append('/');
    }
    return dir.toString();
  }

  /** Partitions in value order, numbers numerically, NULL first. */
  private static final Comparator<List<String>> KEY_ORDER =
      (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          int c = compare(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  private static int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a.matches("-?\\d{1,18}") && b.matches("-?\\d{1,18}")) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return Arrays.compare(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
