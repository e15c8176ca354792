package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.PlannedFile;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake that plans a table again and again (and so answers from its plan cache) plans exactly what
 * a lake opened afresh plans, at the latest snapshot and in time travel, while another lake
 * appends, deletes, updates, alters, compacts, flushes and expires snapshots under it.
 */
class PlanCacheTest {
  private static final List<String> FILTERS =
      List.of("", "id = 137", "id BETWEEN 40 AND 260", "id >= 900", "v = 'v5'");

  @TempDir Path temp;

  @Test
  void aCachedPlanEqualsAFreshOneThroughEveryKindOfChange() {
    String catalog = "sqlite:" + temp.resolve("lake.sqlite");
    String data = temp.resolve("data") + "/";
    Random random = new Random(7);
    try (Lake writer = Lake.create(catalog, data);
        Lake planner = Lake.open(catalog)) {
      writer.setOption("data_inlining_row_limit", "5");
      writer.createTable("t", ColumnDefinitions.parse("id BIGINT, v VARCHAR"));
      long next = 0;
      List<Long> snapshots = new ArrayList<>();
      for (int step = 0; step < 40; step++) {
        int op = step < 4 ? 0 : random.nextInt(8);
        switch (op) {
          case 0, 1, 2 -> next = insert(writer, next, 1 + random.nextInt(step < 4 ? 200 : 60));
          case 3 -> {
            try (Transaction tx = writer.begin()) {
              long at = random.nextInt((int) Math.max(1, next));
              tx.delete("t", "id >= " + at + " AND id < " + (at + 1 + random.nextInt(30)));
              tx.commit();
            }
          }
          case 4 -> {
            try (Transaction tx = writer.begin()) {
              tx.update("t", Map.of("v", "u" + step), "id % 17 = " + random.nextInt(17));
              tx.commit();
            }
          }
          case 5 -> writer.maintenance().mergeAdjacentFiles(null, null);
          case 6 -> writer.maintenance().flushInlinedData(null);
          default -> {
            if (snapshots.size() > 3 && random.nextBoolean()) {
              long expired = snapshots.remove(snapshots.size() / 2);
              writer.maintenance().expireSnapshots(List.of(expired), false);
            } else if (step == 20) {
              try (Transaction tx = writer.begin()) {
                tx.addColumn("t", LakeColumn.of(0, "w", LakeType.of(TypeId.INT32)));
                tx.commit();
              }
            } else {
              next = insert(writer, next, 3);
            }
          }
        }
        if (!snapshots.isEmpty()) {
          long pinned = snapshots.get(snapshots.size() - 1);
          for (String filter : FILTERS) {
            assertSamePlan(
                planner,
                catalog,
                filter,
                pinned,
                "step " + step + " at the snapshot the cache holds (" + pinned + ")");
          }
        }
        long latest = writer.currentSnapshot().id();
        if (!snapshots.contains(latest)) {
          snapshots.add(latest);
        }
        for (int repeat = 0; repeat < 2; repeat++) {
          for (String filter : FILTERS) {
            assertSamePlan(planner, catalog, filter, null, "step " + step);
          }
          long past = snapshots.get(random.nextInt(snapshots.size()));
          assertSamePlan(
              planner,
              catalog,
              FILTERS.get(random.nextInt(FILTERS.size())),
              past,
              "step " + step + " at snapshot " + past);
        }
      }
    }
  }

  private void assertSamePlan(
      Lake cached, String catalog, String filter, Long snapshot, String when) {
    List<String> ours = plan(cached, filter, snapshot);
    try (Lake fresh = Lake.open(catalog)) {
      assertThat(ours).as("%s, filter '%s'", when, filter).isEqualTo(plan(fresh, filter, snapshot));
    }
  }

  private static List<String> plan(Lake lake, String filter, Long snapshot) {
    TableScan scan = lake.table("t").scan();
    if (!filter.isEmpty()) {
      scan = scan.filter(filter);
    }
    if (snapshot != null) {
      scan = scan.asOf(snapshot);
    }
    List<String> out = new ArrayList<>();
    for (PlannedFile f : scan.planFiles()) {
      out.add(f.toString());
    }
    out.add("count " + scan.count());
    return out;
  }

  private static long insert(Lake lake, long from, int n) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (long i = from; i < from + n; i++) {
      rows.add(Map.of("id", i, "v", "v" + (i % 10)));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert("t", rows);
      tx.commit();
    }
    return from + n;
  }
}
