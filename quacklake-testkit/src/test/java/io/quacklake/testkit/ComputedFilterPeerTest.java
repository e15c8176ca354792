package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.RowIterator;
import io.quacklake.testkit.peer.DuckDbPeer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Computed filters (arithmetic, functions, CASE, CAST, intervals) on lakes DuckDB wrote select the
 * rows the DuckDB peer selects from the same lake, and those that compare a column with a constant
 * expression prune files as a literal would.
 */
class ComputedFilterPeerTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden");

  @TempDir Path temp;

  /** Table, key column, filters. */
  private static final Object[][] CASES = {
    {
      "main.users",
      "id",
      new String[] {
        "id % 7 = 3",
        "score * 2 > id + 50",
        "round(score / 3, 1) = 2.5",
        "score IS NULL AND id % 3 = 0",
        "lower(name) LIKE 'user_1%' AND length(name) = 7",
        "upper(substr(name, 6)) = '42'",
        "substr(name, -2) = '13'",
        "CASE WHEN score IS NULL THEN -1 ELSE floor(score) END < 10",
        "coalesce(score, id * 1.5) BETWEEN 100 AND 120",
        "CAST(score AS INTEGER) = 12",
        "name || '!' = 'USER_7!'",
        "abs(id - 100) < 3",
        "nullif(id % 5, 0) IS NULL",
        "id::VARCHAR LIKE '%9'",
        "trim(replace_me) = 'x'".replace("replace_me", "name") + " OR id = 1",
        "id IN (1 + 1, 2 * 3, 50 - 1)",
      }
    },
    {
      "main.events",
      "event_id",
      new String[] {
        "\"at\" >= TIMESTAMP '2025-01-03 00:00:00' - INTERVAL 1 HOUR",
        "\"at\" + INTERVAL 1 DAY < TIMESTAMP '2025-01-02 00:05:00'",
        "hour(\"at\") = 13 AND minute(\"at\") % 15 = 0",
        "date_trunc('hour', \"at\") = TIMESTAMP '2025-01-02 07:00:00'",
        "day(\"at\") = 3 AND kind IS DISTINCT FROM 'click' AND event_id % 100 = 1",
        "CAST(\"at\" AS DATE) = DATE '2025-01-04' AND user_id * 2 = 40",
        "year(\"at\") * 100 + month(\"at\") = 202501 AND event_id % 997 = 0",
        "concat(kind, '-', user_id) = 'view-5'",
        "CASE kind WHEN 'click' THEN user_id WHEN 'view' THEN -user_id END = 17",
        "(event_id // 2) = 7"
            .replace(" // ", " / ")
            .replace("(event_id / 2) = 7", "event_id / 2 = 7"),
      }
    },
    {
      "main.all_types",
      "id",
      new String[] {
        "i64 / 1000 = id AND id % 250 = 1",
        "dt - DATE '2020-01-01' = id",
        "dt + 30 = DATE '2020-02-06'",
        "s LIKE 'row 1_' OR length(s) > 12",
        "d2 * 2 > 1",
        "coalesce(i8, 100) + 0 = 100 AND id < 10",
        "f64 / 0 > 0",
        "CAST(i8 AS INTEGER) * 2 = -256",
        "ts + INTERVAL '1 month' > TIMESTAMP '2262-01-01 00:00:00'",
        "upper(s) = 'HÉLLO WÖRLD ✓'",
        "TRY_CAST(s AS INTEGER) IS NULL AND id < 5",
      }
    },
  };

  private static boolean hasTable(Lake lake, String table) {
    try {
      return !lake.table(table).columns().isEmpty();
    } catch (io.quacklake.exceptions.QuacklakeException e) {
      return false;
    }
  }

  @Test
  void computedFiltersOnGoldenLakesSelectWhatThePeerSelects() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    int nonTrivial = 0;
    int checked = 0;
    for (String lakeName : List.of("basic", "types")) {
      Path dir = GOLDEN.resolve(lakeName);
      String catalog = "duckdb:" + dir.resolve("catalog.ducklake");
      String data = dir.resolve("data").toString();
      List<String[]> queries = new ArrayList<>();
      List<TreeSet<Long>> ours = new ArrayList<>();
      try (Lake lake = Lake.open(catalog, LakeOptions.dataPath(data))) {
        for (Object[] c : CASES) {
          String table = (String) c[0];
          if (!hasTable(lake, table)) {
            continue;
          }
          for (String f : (String[]) c[2]) {
            TreeSet<Long> ids = new TreeSet<>();
            try (RowIterator it = lake.table(table).scan().select((String) c[1]).filter(f).rows()) {
              it.forEachRemaining(r -> ids.add(((Number) r.get((String) c[1])).longValue()));
            }
            queries.add(new String[] {table, (String) c[1], f});
            ours.add(ids);
          }
        }
      }
      StringBuilder sql =
          new StringBuilder(peer.attachForReading(catalog, data, "l", null)).append(";");
      for (String[] q : queries) {
        sql.append(" SELECT ")
            .append(q[1])
            .append(" AS k FROM l.")
            .append(q[0])
            .append(" WHERE ")
            .append(q[2])
            .append(" ORDER BY 1;");
      }
      List<List<Map<String, Object>>> results = peer.results(temp, sql.toString());
      assertThat(results).hasSize(queries.size());
      for (int i = 0; i < queries.size(); i++) {
        TreeSet<Long> theirs = new TreeSet<>();
        results.get(i).forEach(r -> theirs.add(Long.parseLong(String.valueOf(r.get("k")))));
        assertThat(ours.get(i)).as(lakeName + ": " + queries.get(i)[2]).isEqualTo(theirs);
        checked++;
        if (!theirs.isEmpty()) {
          nonTrivial++;
        }
      }
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(nonTrivial).as("filters that select some rows").isGreaterThan(checked * 3 / 4);
  }

  @Test
  void aConstantExpressionPrunesLikeTheLiteralItFoldsTo() {
    Path dir = GOLDEN.resolve("basic");
    try (Lake lake =
        Lake.open(
            "duckdb:" + dir.resolve("catalog.ducklake"),
            LakeOptions.dataPath(dir.resolve("data").toString()))) {
      String[][] pairs = {
        {"id > 150 + 2 * 5", "id > 160"},
        {"id <= CAST('50' AS INTEGER) - 1", "id <= 49"},
        {"score >= 2 * 100.0 / 2", "score >= 100.0"},
      };
      for (String[] p : pairs) {
        io.quacklake.ScanMetrics computed = metrics(lake, p[0]);
        io.quacklake.ScanMetrics literal = metrics(lake, p[1]);
        assertThat(computed.dataFilesPruned()).as(p[0]).isEqualTo(literal.dataFilesPruned());
        assertThat(computed.rowsScanned()).as(p[0]).isEqualTo(literal.rowsScanned());
      }
      assertThat(metrics(lake, "id > 160").dataFilesPruned()).isPositive();
      assertThat(metrics(lake, "id + 0 > 160").dataFilesPruned())
          .as("a computed column side prunes nothing")
          .isZero();
    }
  }

  private static io.quacklake.ScanMetrics metrics(Lake lake, String filter) {
    try (RowIterator it = lake.table("main.users").scan().select("id").filter(filter).rows()) {
      it.forEachRemaining(r -> {});
      return it.metrics();
    }
  }
}
