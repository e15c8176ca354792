package io.quacklake.testkit.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Maintenance;
import io.quacklake.testkit.TestCatalogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Maintenance#withProgress}: each step reports its total first, then advances to it, one
 * unit of work (a file, a table) at a time.
 */
class MaintenanceProgressTest {
  @TempDir Path temp;

  record Update(String step, long done, long total) {}

  @Test
  void mergeFlushAndCleanupReportTheirFiles() {
    try (Lake lake =
        Lake.create(
            TestCatalogs.location("sqlite", temp),
            temp.resolve("data").toString(),
            LakeOptions.defaults())) {
      lake.setOption("data_inlining_row_limit", "10");
      lake.createTable("main.t", MaintenanceFixtures.COLUMNS);
      for (int f = 0; f < 5; f++) {
        int from = f * 100;
        MaintenanceFixtures.run(
            lake, tx -> tx.insert("t", MaintenanceFixtures.rows(from, from + 100)));
      }
      MaintenanceFixtures.run(lake, tx -> tx.insert("t", MaintenanceFixtures.rows(1000, 1003)));
      List<Update> updates = new ArrayList<>();
      Maintenance m =
          lake.maintenance().withProgress((s, d, t) -> updates.add(new Update(s, d, t)));

      m.mergeAdjacentFiles(null, null);
      assertThat(updates.get(0)).isEqualTo(new Update("merging files", 0, 5));
      assertThat(updates.get(updates.size() - 1)).isEqualTo(new Update("merging files", 5, 5));
      assertMonotone(updates);

      updates.clear();
      m.flushInlinedData(null);
      assertThat(updates)
          .containsExactly(
              new Update("flushing inlined data", 0, 1), new Update("flushing inlined data", 1, 1));

      updates.clear();
      m.cleanupOldFiles(true, false);
      assertThat(updates.get(0)).isEqualTo(new Update("deleting old files", 0, 5));
      assertThat(updates.get(updates.size() - 1)).isEqualTo(new Update("deleting old files", 5, 5));
      assertMonotone(updates);

      updates.clear();
      lake.maintenance().cleanupOldFiles(true, false);
      assertThat(updates).as("the plain maintenance reports to no one").isEmpty();
    }
  }

  private static void assertMonotone(List<Update> updates) {
    for (int i = 1; i < updates.size(); i++) {
      assertThat(updates.get(i).done()).isGreaterThanOrEqualTo(updates.get(i - 1).done());
      assertThat(updates.get(i).done()).isLessThanOrEqualTo(updates.get(i).total());
    }
  }
}
