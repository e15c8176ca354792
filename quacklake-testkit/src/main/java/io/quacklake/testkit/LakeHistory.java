package io.quacklake.testkit;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One history of appends, a delete and an update on table {@code t}, built the same way in lakes
 * whose data live in different stores, so that the stores' tests can compare the lakes' contents at
 * every snapshot.
 */
public final class LakeHistory {
  private LakeHistory() {}

  /** Rows {@code from} (inclusive) to {@code to} of {@code t}: id, region (EU/US) and v. */
  public static List<Map<String, Object>> rows(long from, long to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(Map.of("id", i, "region", i % 3 == 0 ? "EU" : "US", "v", "value " + i));
    }
    return out;
  }

  /**
   * Creates {@code t}, appends {@code batches} commits of {@code batchRows} rows, deletes ids 100
   * to 199, sets v to "changed" for ids {@code updatedFrom} to {@code updatedFrom + 9}, and returns
   * id → v at every snapshot from 1 on.
   */
  public static List<Map<Long, String>> build(
      Lake lake, int batches, int batchRows, long updatedFrom) {
    lake.createTable("t", ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"));
    for (int batch = 0; batch < batches; batch++) {
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows((long) batch * batchRows, (long) batch * batchRows + batchRows));
        tx.commit();
      }
    }
    try (Transaction tx = lake.begin()) {
      tx.delete("t", "id BETWEEN 100 AND 199");
      tx.commit();
    }
    try (Transaction tx = lake.begin()) {
      tx.update(
          "t", Map.of("v", "changed"), "id BETWEEN " + updatedFrom + " AND " + (updatedFrom + 9));
      tx.commit();
    }
    List<Map<Long, String>> out = new ArrayList<>();
    for (long s = 1; s <= lake.currentSnapshot().id(); s++) {
      Map<Long, String> contents = new TreeMap<>();
      try (RowIterator it = lake.table("t").scan().asOf(s).rows()) {
        it.forEachRemaining(r -> contents.put((Long) r.get("id"), (String) r.get("v")));
      }
      out.add(contents);
    }
    return out;
  }
}
