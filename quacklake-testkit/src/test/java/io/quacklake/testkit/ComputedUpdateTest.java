package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expressions;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.ValueText;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UPDATE with computed values ({@code SET amount = amount * 2 + id}): the lake holds what DuckDB's
 * own UPDATE leaves in a table with the same rows, in files and inlined rows alike, every
 * assignment seeing the row before the update.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class ComputedUpdateTest {
  private static final String SCHEMA =
      "id BIGINT NOT NULL, name VARCHAR, amount DECIMAL(12,2), n INTEGER, d DATE";

  @TempDir Path temp;

  /** Each update: the SET assignments and the WHERE condition, as SQL text. */
  private static final String[][] UPDATES = {
    {"amount = amount * 2 + id, n = coalesce(n, 0) + 1", "id % 3 = 0"},
    {"name = upper(name) || '-' || CAST(n AS VARCHAR)", "name IS NOT NULL AND n IS NOT NULL"},
    {"n = id, id = n", "n IS NOT NULL AND id < 5"},
    {"d = d + INTERVAL 1 MONTH, amount = round(amount / 3, 1)", "d < DATE '2024-03-01'"},
    {
      "name = CASE WHEN amount > 100 THEN 'big' WHEN amount IS NULL THEN NULL ELSE lower(name) END",
      "true"
    },
    {"n = length(name) * 10 + month(d)", "substr(name, 1, 1) IN ('b', 'B', 'x')"},
  };

  @Test
  void computedAssignmentsLeaveWhatDuckDbLeaves() throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < 40; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", i);
      r.put("name", i % 7 == 0 ? null : (i % 2 == 0 ? "b" : "x") + i);
      r.put("amount", i % 5 == 0 ? null : BigDecimal.valueOf(i * 37 - 300, 1).setScale(2));
      r.put("n", i % 4 == 0 ? null : i * 3 - 20);
      r.put("d", LocalDate.of(2024, 1, 15).plusDays(i * 3));
      rows.add(r);
    }
    try (Lake lake =
            Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString());
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      lake.createTable("main.t", ColumnDefinitions.parse(SCHEMA));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows.subList(0, 35));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows.subList(35, 40));
        tx.commit();
      }
      try (Statement s = duckdb.createStatement()) {
        s.execute("CREATE TABLE t(" + SCHEMA + ")");
        for (Map<String, Object> r : rows) {
          s.execute(
              "INSERT INTO t VALUES ("
                  + r.values().stream()
                      .map(v -> Expressions.lit(v).toString())
                      .reduce((a, b) -> a + ", " + b)
                      .orElseThrow()
                  + ")");
        }
      }
      assertThat(lakeRows(lake)).isEqualTo(duckDbRows(duckdb));
      for (String[] u : UPDATES) {
        long expected;
        try (Statement s = duckdb.createStatement()) {
          expected = s.executeUpdate("UPDATE t SET " + u[0] + " WHERE " + u[1]);
        }
        long changed;
        try (Transaction tx = lake.begin()) {
          changed = tx.update("t", assignments(u[0]), u[1]);
          tx.commit();
        }
        assertThat(changed).as(u[0]).isEqualTo(expected);
        assertThat(lakeRows(lake)).as("after SET " + u[0]).isEqualTo(duckDbRows(duckdb));
      }
    }
  }

  @Test
  void anAssignmentThatFailsForARowChangesNothing() {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString())) {
      lake.createTable("main.t", ColumnDefinitions.parse(SCHEMA));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 1L, "n", 2_000_000_000L), Map.of("id", 2L, "n", 1L)));
        tx.commit();
      }
      long before = lake.snapshots().size();
      try (Transaction tx = lake.begin()) {
        assertThatThrownBy(() -> tx.update("t", Map.of("n", Expressions.parse("n * 2")), "true"))
            .isInstanceOf(QuacklakeException.class)
            .hasMessageContaining("Overflow in multiplication of INTEGER")
            .satisfies(
                e ->
                    assertThat(((QuacklakeException) e).kind())
                        .isEqualTo(ErrorKind.INVALID_ARGUMENT));
        assertThatThrownBy(
                () ->
                    tx.update(
                        "t", Map.of("d", Expressions.parse("CAST(id AS VARCHAR) || 'x'")), "true"))
            .isInstanceOf(QuacklakeException.class)
            .hasMessageContaining("Could not convert string");
      }
      assertThat(lake.snapshots()).hasSize((int) before);
    }
  }

  private static Map<String, Object> assignments(String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    int depth = 0;
    int start = 0;
    boolean quoted = false;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    for (String p : parts) {
      int eq = p.indexOf('=');
      out.put(p.substring(0, eq).trim(), Expressions.parse(p.substring(eq + 1).trim()));
    }
    return out;
  }

  private static Map<Long, String> lakeRows(Lake lake) {
    Map<Long, String> out = new TreeMap<>();
    var columns = lake.table("t").columns();
    try (RowIterator it = lake.table("t").scan().rows()) {
      it.forEachRemaining(
          r -> {
            List<String> cells = new ArrayList<>();
            for (var c : columns) {
              cells.add(String.valueOf(ValueText.format(r.get(c.name()), c)));
            }
            out.put((Long) r.get("id"), String.join("|", cells));
          });
    }
    return out;
  }

  private static Map<Long, String> duckDbRows(Connection duckdb) throws SQLException {
    Map<Long, String> out = new TreeMap<>();
    try (Statement s = duckdb.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, id::VARCHAR, name, amount::VARCHAR, n::VARCHAR, d::VARCHAR FROM t")) {
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
          cells.add(String.valueOf(rs.getString(i)));
        }
        out.put(rs.getLong(1), String.join("|", cells));
      }
    }
    return out;
  }
}
