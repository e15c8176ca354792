package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet schema matches what DuckDB itself writes for the same DuckDB column types. */
class WriterSchemaTest {
  @TempDir Path dir;

  @Test
  void everyColumnCarriesItsColumnIdAsFieldId() throws Exception {
    List<WriterAllTypesTest.Case> cases = WriterAllTypesTest.cases();
    Path file = dir.resolve("ids.parquet");
    WriterAllTypesTest.writeCases(file, cases, ParquetWriteOptions.defaults());
    List<String> expected = new ArrayList<>();
    for (LakeColumn c : WriterAllTypesTest.columns(cases)) {
      expectedIds(c, c.name(), expected);
    }
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT name, field_id FROM parquet_schema('"
                    + file
                    + "') WHERE name <> 'duckdb_schema'")) {
      List<String> actual = new ArrayList<>();
      while (rs.next()) {
        actual.add(rs.getString(1) + "=" + rs.getString(2));
      }
      assertThat(actual).containsExactlyElementsOf(expected);
    }
  }

  private static void expectedIds(LakeColumn c, String name, List<String> out) {
    out.add(name + "=" + c.id());
    switch (c.type().id()) {
      case LIST -> {
        out.add("list=null");
        expectedIds(c.children().get(0), "element", out);
      }
      case MAP -> {
        out.add("key_value=null");
        expectedIds(c.children().get(0), "key", out);
        expectedIds(c.children().get(1), "value", out);
      }
      case STRUCT -> c.children().forEach(f -> expectedIds(f, f.name(), out));
      default -> {}
    }
  }

  @Test
  void physicalAndLogicalTypesMatchDuckDbsOwnWriter() throws Exception {
    List<WriterAllTypesTest.Case> cases = WriterAllTypesTest.cases();
    Path ours = dir.resolve("ours.parquet");
    Path theirs = dir.resolve("duckdb.parquet");
    WriterAllTypesTest.writeCases(ours, cases, ParquetWriteOptions.defaults());
    String columns =
        WriterAllTypesTest.columns(cases).stream()
            .map(c -> c.name() + " " + duckDbType(c) + (c.nullable() ? "" : " NOT NULL"))
            .collect(Collectors.joining(", "));
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE t (" + columns + ")");
      st.execute("INSERT INTO t SELECT * FROM read_parquet('" + ours + "')");
      st.execute("COPY t TO '" + theirs + "' (FORMAT parquet)");
      List<String> expected = schema(st, theirs);
      List<String> actual = schema(st, ours);
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        String theirsRow = expected.get(i);
        String oursRow = actual.get(i);
        if (theirsRow.endsWith(" | null")) {
          // DuckDB writes only the converted type for ints, dates, strings, lists and maps;
          // parquet-java adds the equivalent logical type, which DuckDB reads the same way.
          oursRow = oursRow.substring(0, oursRow.lastIndexOf(" | ")) + " | null";
        }
        assertThat(oursRow).isEqualTo(theirsRow);
      }
    }
  }

  /** SqlTypeNames' name for timestamptz_ns does not parse in DuckDB 2.0. */
  private static String duckDbType(LakeColumn c) {
    return c.sqlTypeName().replace("TIMESTAMP_NS WITH TIME ZONE", "TIMESTAMPTZ_NS");
  }

  private static List<String> schema(Statement st, Path file) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs =
        st.executeQuery(
            "SELECT name, type, type_length, repetition_type, converted_type, scale, precision,"
                + " logical_type FROM parquet_schema('"
                + file
                + "') WHERE name <> 'duckdb_schema'")) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
          b.append(rs.getString(i)).append(i < 8 ? " | " : "");
        }
        rows.add(b.toString());
      }
    }
    return rows;
  }
}
