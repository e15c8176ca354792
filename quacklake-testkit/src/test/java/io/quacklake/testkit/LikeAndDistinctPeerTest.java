package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.expr.Expressions;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [NOT] LIKE}, {@code ILIKE} and {@code IS [NOT] DISTINCT FROM} select the rows DuckDB
 * selects: random patterns over random text (Unicode, case, the wildcard characters themselves,
 * NULLs) in files and inlined rows, each filter asked of the peer on the same lake.
 */
class LikeAndDistinctPeerTest {
  private static final String[] PIECES = {"a", "b", "A", "é", "É", "ß", "%", "_", "ab", " ", "z"};

  @TempDir Path temp;

  private static String text(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      s.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  private static String pattern(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      int pick = r.nextInt(PIECES.length + 3);
      s.append(pick < PIECES.length ? PIECES[pick] : pick % 2 == 0 ? "%" : "_");
    }
    return s.toString().replace("'", "''");
  }

  @Test
  void filtersSelectWhatDuckDbSelects() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    SplittableRandom random = new SplittableRandom(20261206);
    List<String> filters = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String p = pattern(random);
      String[] forms = {"s LIKE '%s'", "s NOT LIKE '%s'", "s ILIKE '%s'", "s NOT ILIKE '%s'"};
      filters.add(String.format(forms[i % 4], p));
    }
    for (int i = 0; i < 10; i++) {
      String v = random.nextInt(3) == 0 ? "NULL" : Integer.toString(random.nextInt(5));
      filters.add("n IS " + (i % 2 == 0 ? "" : "NOT ") + "DISTINCT FROM " + v);
    }
    Map<String, TreeSet<Long>> ours = new HashMap<>();
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, s VARCHAR, n INTEGER"));
      for (int batch = 0; batch < 3; batch++) {
        List<Map<String, ?>> rows = new ArrayList<>();
        int size = batch == 2 ? 3 : 400;
        for (int i = 0; i < size; i++) {
          Map<String, Object> row = new HashMap<>();
          row.put("id", (long) (batch * 1000 + i));
          row.put("s", random.nextInt(10) == 0 ? null : text(random));
          row.put("n", random.nextInt(8) == 0 ? null : random.nextInt(5));
          rows.add(row);
        }
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows);
          tx.commit();
        }
      }
      for (String f : filters) {
        TreeSet<Long> ids = new TreeSet<>();
        try (var it = lake.table("t").scan().select("id").filter(f).rows()) {
          it.forEachRemaining(r -> ids.add((Long) r.get("id")));
        }
        ours.put(f, ids);
        assertThat(Expressions.parse(Expressions.parse(f).toString()))
            .as("round trip of %s", f)
            .isEqualTo(Expressions.parse(f));
      }
      assertThatThrownBy(() -> lake.table("t").scan().filter("n LIKE '1%'").rows().close())
          .hasMessageContaining("LIKE needs a text column");
    }
    StringBuilder sql = new StringBuilder(peer.attach(catalog, null, "l", true)).append(";");
    for (String f : filters) {
      sql.append(" SELECT id FROM l.main.t WHERE ").append(f).append(" ORDER BY id;");
    }
    List<List<Map<String, Object>>> results = peer.results(temp, sql.toString());
    assertThat(results).hasSize(filters.size());
    int nonTrivial = 0;
    for (int i = 0; i < filters.size(); i++) {
      TreeSet<Long> theirs = new TreeSet<>();
      results.get(i).forEach(r -> theirs.add(Long.parseLong(String.valueOf(r.get("id")))));
      assertThat(ours.get(filters.get(i))).as(filters.get(i)).isEqualTo(theirs);
      if (!theirs.isEmpty() && theirs.size() < 803) {
        nonTrivial++;
      }
    }
    assertThat(nonTrivial).as("filters that select some rows but not all").isGreaterThan(15);
  }

  @Test
  void aLiteralPrefixPrunesFilesByTheirBounds() {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, s VARCHAR"));
      String[] stems = {"apple", "mango", "zebra"};
      for (int f = 0; f < stems.length; f++) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          rows.add(Map.of("id", (long) (f * 1000 + i), "s", stems[f] + i));
        }
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows);
          tx.commit();
        }
      }
      for (String[] c :
          new String[][] {
            {"s LIKE 'mang%'", "2", "100"},
            {"s LIKE 'mango1_'", "2", "10"},
            {"s LIKE 'm%9'", "2", "10"},
            {"s LIKE '%9'", "0", "30"},
            {"s ILIKE 'MANG%'", "0", "100"},
            {"s NOT LIKE 'mang%'", "0", "200"}
          }) {
        try (io.quacklake.ScanReader reader = lake.table("t").scan().filter(c[0]).arrow()) {
          long rows = 0;
          while (reader.loadNextBatch()) {
            rows += reader.getVectorSchemaRoot().getRowCount();
          }
          assertThat(rows).as(c[0]).isEqualTo(Long.parseLong(c[2]));
          assertThat(reader.metrics().dataFilesPruned()).as(c[0]).isEqualTo(Long.parseLong(c[1]));
        }
      }
    }
  }
}
