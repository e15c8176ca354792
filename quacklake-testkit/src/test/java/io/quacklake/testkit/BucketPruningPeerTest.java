package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.ScanMetrics;
import io.quacklake.testkit.peer.DuckDbPeer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of {@code bucket(N)} partitions are pruned by equality and IN filters, as DuckDB prunes
 * them: a file is read only when its bucket is the bucket of a value the filter allows. The lake is
 * DuckDB's, so a bucket computed differently here would lose rows, not just read more files.
 */
class BucketPruningPeerTest {
  @TempDir Path temp;

  @Test
  void bucketFilesAreReadOnlyForTheBucketsOfTheFilterValues() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    peer.query(
        temp,
        peer.attachNew(
                "duckdb:" + catalog,
                temp.resolve("data") + "/",
                "l",
                "1.0",
                "DATA_INLINING_ROW_LIMIT 0")
            + ";"
            + " CREATE TABLE l.t(id BIGINT, s VARCHAR, d DATE, n INTEGER);"
            + " ALTER TABLE l.t SET PARTITIONED BY (bucket(8, s));"
            + " INSERT INTO l.t SELECT i, 'k' || (i % 50), DATE '2024-01-01' + (i % 100)::INT,"
            + " (i % 40)::INT FROM range(2000) r(i);"
            + " CREATE TABLE l.u(id BIGINT, d DATE, n INTEGER);"
            + " ALTER TABLE l.u SET PARTITIONED BY (bucket(6, d), bucket(5, n));"
            + " INSERT INTO l.u SELECT i, DATE '2024-01-01' + (i % 100)::INT, (i % 40)::INT"
            + " FROM range(3000) r(i);");
    List<Case> cases =
        List.of(
            new Case("t", "s = 'k17'", Map.of(0, "s = 'k17'")),
            new Case("t", "'k3' = s AND id > 100", Map.of(0, "s = 'k3'")),
            new Case("t", "s IN ('k1', 'k2', 'k49')", Map.of(0, "s IN ('k1', 'k2', 'k49')")),
            new Case("t", "s = 'k17' OR id = 3", Map.of()),
            new Case("t", "s = 'absent'", null),
            new Case("u", "d = '2024-02-03'", Map.of(0, "d = DATE '2024-02-03'")),
            new Case("u", "n = 7", Map.of(1, "n = 7")),
            new Case(
                "u",
                "n IN (7, 8) AND d = DATE '2024-01-08'",
                Map.of(0, "d = DATE '2024-01-08'", 1, "n IN (7, 8)")),
            new Case("u", "n = '12'", Map.of(1, "n = 12")));
    StringBuilder sql =
        new StringBuilder(peer.attachForReading("duckdb:" + catalog, null, "l", null)).append(";");
    for (Case c : cases) {
      sql.append(" SELECT count(*) AS n, coalesce(sum(id), 0) AS total,")
          .append(" count(DISTINCT filename) AS files FROM l.")
          .append(c.table())
          .append(" WHERE ")
          .append(c.where())
          .append(';');
      if (c.keys() != null) {
        for (String where : c.keys().values()) {
          sql.append(" SELECT DISTINCT filename FROM l.")
              .append(c.table())
              .append(" WHERE ")
              .append(where)
              .append(';');
        }
      }
    }
    List<List<Map<String, Object>>> answers = peer.results(temp, sql.toString());
    int at = 0;
    try (Lake lake = Lake.open("duckdb:" + catalog)) {
      for (Case c : cases) {
        Map<String, Object> theirs = answers.get(at++).get(0);
        long n = 0;
        long total = 0;
        ScanMetrics m;
        try (RowIterator rows = lake.table(c.table()).scan().filter(c.where()).rows()) {
          while (rows.hasNext()) {
            n++;
            total += (Long) rows.next().get("id");
          }
          m = rows.metrics();
        }
        assertThat(n + " " + total)
            .as("%s WHERE %s", c.table(), c.where())
            .isEqualTo(theirs.get("n") + " " + theirs.get("total"));
        long read = m.dataFiles() - m.dataFilesPruned();
        if (c.keys() == null) {
          assertThat(read)
              .as("a value no row holds: at most its bucket's file")
              .isLessThanOrEqualTo(1);
          continue;
        }
        // DuckDB's bucket of each allowed value: the bucket directory of the files holding it
        Map<Integer, Set<String>> allowed = new HashMap<>();
        for (Integer key : c.keys().keySet()) {
          Set<String> buckets = new HashSet<>();
          for (Map<String, Object> row : answers.get(at++)) {
            buckets.add(buckets(String.valueOf(row.get("filename"))).get(key));
          }
          allowed.put(key, buckets);
        }
        long expected =
            lake.table(c.table()).scan().files().stream()
                .map(f -> buckets(f.dataFile()))
                .filter(
                    b ->
                        allowed.entrySet().stream()
                            .allMatch(e -> e.getValue().contains(b.get(e.getKey()))))
                .count();
        long holding = ((Number) theirs.get("files")).longValue();
        // at least the files holding matching rows, at most those of the allowed buckets (column
        // statistics may rule out more)
        assertThat(read)
            .as("files read for %s WHERE %s (of %d)", c.table(), c.where(), m.dataFiles())
            .isBetween(holding, expected);
        if (!c.keys().isEmpty()) {
          assertThat(expected).as("the buckets rule files out").isLessThan(m.dataFiles());
        }
      }
    }
  }

  /** One filter; {@code keys}: per bucket key index, the filter's condition on its column. */
  private record Case(String table, String where, Map<Integer, String> keys) {}

  /** The hive values of a data file's path, in key order. */
  private static List<String> buckets(String path) {
    List<String> out = new ArrayList<>();
    for (String segment : path.split("/")) {
      int eq = segment.indexOf('=');
      if (eq > 0) {
        out.add(segment.substring(eq + 1));
      }
    }
    return out;
  }
}
