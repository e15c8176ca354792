package io.quacklake.internal.text;

import static io.quacklake.internal.text.Columns.decimal;
import static io.quacklake.internal.text.Columns.list;
import static io.quacklake.internal.text.Columns.map;
import static io.quacklake.internal.text.Columns.named;
import static io.quacklake.internal.text.Columns.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden {@code types} lake: the rows DuckDB inlined into its catalog, read as DuckDB text,
 * parsed, written to Arrow and rendered, must equal DuckDB's expected strings cell by cell.
 */
class GoldenAllTypesTest {
  private static final List<LakeColumn> COLUMNS =
      List.of(
          named("id", TypeId.INT32),
          named("b", TypeId.BOOLEAN),
          named("i8", TypeId.INT8),
          named("i16", TypeId.INT16),
          named("i32", TypeId.INT32),
          named("i64", TypeId.INT64),
          named("u8", TypeId.UINT8),
          named("u16", TypeId.UINT16),
          named("u32", TypeId.UINT32),
          named("u64", TypeId.UINT64),
          named("f32", TypeId.FLOAT32),
          named("f64", TypeId.FLOAT64),
          decimal("d1", 4, 1),
          decimal("d2", 18, 3),
          decimal("d3", 38, 10),
          named("dt", TypeId.DATE),
          named("tm", TypeId.TIME),
          named("ts", TypeId.TIMESTAMP),
          named("tstz", TypeId.TIMESTAMPTZ),
          named("ts_s", TypeId.TIMESTAMP_S),
          named("ts_ms", TypeId.TIMESTAMP_MS),
          named("ts_ns", TypeId.TIMESTAMP_NS),
          named("iv", TypeId.INTERVAL),
          named("s", TypeId.VARCHAR),
          named("bl", TypeId.BLOB),
          named("u", TypeId.UUID),
          named("j", TypeId.JSON),
          list("l", named("e", TypeId.INT32)),
          list("ls", named("e", TypeId.VARCHAR)),
          struct("st", named("a", TypeId.INT32), named("b", TypeId.VARCHAR)),
          map("m", named("k", TypeId.VARCHAR), named("v", TypeId.INT32)),
          struct(
              "nested",
              list("tags", named("e", TypeId.VARCHAR)),
              struct("point", named("x", TypeId.FLOAT64), named("y", TypeId.FLOAT64))));

  @TempDir Path temp;

  @Test
  void inlinedRowsRenderAsDuckDbExpects() throws Exception {
    Path lake = goldenDir().resolve("types");
    assumeTrue(Files.isDirectory(lake), "golden lakes not found; set QUACKLAKE_GOLDEN_DIR");
    Path catalog =
        Files.copy(
            lake.resolve("catalog.ducklake"),
            temp.resolve("catalog.ducklake"),
            StandardCopyOption.REPLACE_EXISTING);
    Map<String, List<String>> expected =
        expectedRows(lake.resolve("expected/main.all_types@2.json"));
    List<List<String>> stored = inlinedRowsAsText(catalog);
    assertThat(stored).hasSize(expected.size());

    List<FieldVector> vectors = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      try {
        for (LakeColumn column : COLUMNS) {
          // One vector per field: ArrowTypes.schema (Arrow's Schema) needs a newer
          // jackson-annotations than the test classpath has.
          FieldVector v = ArrowTypes.field(column).createVector(allocator);
          v.allocateNew();
          vectors.add(v);
        }
        for (int row = 0; row < stored.size(); row++) {
          for (int c = 0; c < COLUMNS.size(); c++) {
            String text = stored.get(row).get(c);
            Object value = text == null ? null : DuckDbText.parse(text, COLUMNS.get(c));
            ArrowValues.set(vectors.get(c), row, value);
          }
        }
        for (FieldVector v : vectors) {
          v.setValueCount(stored.size());
        }
        for (int row = 0; row < stored.size(); row++) {
          List<String> rendered = new ArrayList<>();
          for (FieldVector v : vectors) {
            rendered.add(DuckDbText.render(v, row));
          }
          assertThat(rendered).isEqualTo(expected.get(rendered.get(0)));
        }
      } finally {
        vectors.forEach(FieldVector::close);
      }
    }
  }

  private static List<List<String>> inlinedRowsAsText(Path catalog) throws Exception {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < COLUMNS.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("CAST(\"")
          .append(COLUMNS.get(i).name())
          .append("\" AS VARCHAR)");
    }
    sql.append(" FROM ducklake_inlined_data_1_1 ORDER BY row_id");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + catalog, props);
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone='UTC'");
      return rows(s, sql.toString());
    }
  }

  private static Map<String, List<String>> expectedRows(Path file) throws Exception {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 1; i <= COLUMNS.size(); i++) {
      sql.append(i == 1 ? "" : ", ").append("r[").append(i).append("]");
    }
    sql.append(" FROM (SELECT unnest(rows) AS r FROM read_json('")
        .append(file)
        .append("', columns={'columns': 'VARCHAR[][]', 'rows': 'VARCHAR[][]'}))");
    Map<String, List<String>> byId = new HashMap<>();
    try (DuckDbOracle duckdb = new DuckDbOracle()) {
      for (List<String> row : duckdb.rows(sql.toString())) {
        byId.put(row.get(0), row);
      }
    }
    return byId;
  }

  private static List<List<String>> rows(Statement s, String sql) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  static Path goldenDir() {
    String env = System.getenv("QUACKLAKE_GOLDEN_DIR");
    if (env != null) {
      return Path.of(env);
    }
    Path root = Path.of(System.getProperty("quacklake.repo.root", ".."));
    for (Path candidate :
        List.of(root.resolve("../shared/golden"), root.resolve("../../shared/golden"))) {
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    return root.resolve("../shared/golden");
  }
}
