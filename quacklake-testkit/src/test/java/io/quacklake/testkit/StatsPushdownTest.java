package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Integer ranges of a filter prune files in the catalog query itself (each database casts the
 * statistics text its own way); the files planned and the rows returned match the filter exactly.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class StatsPushdownTest {
  @TempDir Path temp;

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void integerRangesPruneFilesInTheCatalog(String kind) {
    try (Lake lake = Lake.create(TestCatalogs.location(kind, temp), temp.resolve("d").toString())) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, small INTEGER, name VARCHAR"));
      for (int file = 0; file < 6; file++) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
          long id = (file - 3) * 100L + i;
          rows.add(Map.of("id", id, "small", (int) (id % 7), "name", "n" + file));
        }
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows);
          tx.commit();
        }
      }
      assertPlan(lake, "id = 17", 1, 1);
      assertPlan(lake, "17 = id", 1, 1);
      assertPlan(lake, "id = -300", 1, 1);
      assertPlan(lake, "id BETWEEN 50 AND 150", 2, 101);
      assertPlan(lake, "id IN (-250, 5)", 2, 2);
      assertPlan(lake, "id > 299", 0, 0);
      assertPlan(lake, "id >= 250 AND id < 260 AND name = 'n5'", 1, 10);
      assertPlan(lake, "id >= 250 AND id < 100", 0, 0);
      assertPlan(lake, "id = 17 OR id = 250", 2, 2);
      assertPlan(lake, "id <> 17", 6, 599);
      assertPlan(lake, "small = -3 AND id < -200", 1, 14);
      assertPlan(lake, "id = 9223372036854775807", 0, 0);
    }
  }

  private static void assertPlan(Lake lake, String filter, int files, long rows) {
    assertThat(lake.table("t").scan().filter(filter).planFiles()).as(filter).hasSize(files);
    assertThat(lake.table("t").scan().filter(filter).count()).as(filter).isEqualTo(rows);
  }
}
