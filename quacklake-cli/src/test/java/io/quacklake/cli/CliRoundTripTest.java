package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code append} takes back every value {@code scan} writes: a table with a column of every type
 * (with edge values), scanned to CSV and to JSON lines, appended back from each, reads the same.
 */
class CliRoundTripTest {
  /** Column name → type; each type once, nested types with awkward keys and elements. */
  private static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("c_bool", "BOOLEAN");
    TYPES.put("c_int8", "TINYINT");
    TYPES.put("c_int16", "SMALLINT");
    TYPES.put("c_int32", "INTEGER");
    TYPES.put("c_int64", "BIGINT");
    TYPES.put("c_uint8", "UTINYINT");
    TYPES.put("c_uint16", "USMALLINT");
    TYPES.put("c_uint32", "UINTEGER");
    TYPES.put("c_uint64", "UBIGINT");
    TYPES.put("c_int128", "HUGEINT");
    TYPES.put("c_uint128", "UHUGEINT");
    TYPES.put("c_real", "REAL");
    TYPES.put("c_double", "DOUBLE");
    TYPES.put("c_decimal", "DECIMAL(38,10)");
    TYPES.put("c_date", "DATE");
    TYPES.put("c_time", "TIME");
    TYPES.put("c_timetz", "TIMETZ");
    TYPES.put("c_ts", "TIMESTAMP");
    TYPES.put("c_ts_s", "TIMESTAMP_S");
    TYPES.put("c_ts_ms", "TIMESTAMP_MS");
    TYPES.put("c_ts_ns", "TIMESTAMP_NS");
    TYPES.put("c_tstz", "TIMESTAMPTZ");
    TYPES.put("c_interval", "INTERVAL");
    TYPES.put("c_varchar", "VARCHAR");
    TYPES.put("c_json", "JSON");
    TYPES.put("c_blob", "BLOB");
    TYPES.put("c_uuid", "UUID");
    TYPES.put("c_list", "INTEGER[][]");
    TYPES.put("c_strings", "VARCHAR[]");
    TYPES.put("c_doubles", "DOUBLE[]");
    TYPES.put("c_struct", "STRUCT(a INTEGER, \"b c\" VARCHAR, d DECIMAL(38,10)[])");
    TYPES.put("c_map", "MAP(VARCHAR, INTEGER)");
    TYPES.put("c_map_nested", "MAP(INTEGER, STRUCT(x VARCHAR[]))");
  }

  /** Three rows as JSON lines: edge values, everyday values, and all NULL. */
  private static final List<String> ROWS =
      List.of(
          "{\"c_bool\": true, \"c_int8\": -128, \"c_int16\": -32768, \"c_int32\": -2147483648,"
              + " \"c_int64\": -9223372036854775808, \"c_uint8\": 255, \"c_uint16\": 65535,"
              + " \"c_uint32\": 4294967295, \"c_uint64\": 18446744073709551615,"
              + " \"c_int128\": -170141183460469231731687303715884105728,"
              + " \"c_uint128\": 340282366920938463463374607431768211455,"
              + " \"c_real\": -0.0, \"c_double\": \"-inf\","
              + " \"c_decimal\": -1234567890123456789012345678.0123456789,"
              + " \"c_date\": \"0001-01-01\", \"c_time\": \"23:59:59.999999\","
              + " \"c_timetz\": \"12:00:00+05:30\", \"c_ts\": \"1970-01-01 00:00:00.000001\","
              + " \"c_ts_s\": \"2262-04-11 23:47:16\", \"c_ts_ms\": \"1900-02-28 12:34:56.789\","
              + " \"c_ts_ns\": \"2024-01-02 03:04:05.123456789\","
              + " \"c_tstz\": \"2024-01-02 03:04:05.123456+00\","
              + " \"c_interval\": \"1 year 2 months -3 days 04:05:06.789\","
              + " \"c_varchar\": \"a, \\\"b\\\"\\n'c'\\\\ \\u00e9 \\ud83e\\udd86\","
              + " \"c_json\": {\"k\": [1, 2.50, {\"z\": null}], \"s\": \"\\\"\"},"
              + " \"c_blob\": \"\\\\x00\\\\xFFab,\\\\x22\", \"c_uuid\": \"00000000-0000-0000-0000-000000000001\","
              + " \"c_list\": [[1, null], [], null], \"c_strings\": [\"a,b\", \"'q'\", \"\", null,"
              + " \"NULL\", \"[x]\", \"{y}\", \" pad \"],"
              + " \"c_doubles\": [-0.0, \"inf\", \"-inf\", \"nan\", 1e308, 5e-324],"
              + " \"c_struct\": {\"a\": 1, \"b c\": \"x, y\", \"d\": [0.5, -0.0000000001]},"
              + " \"c_map\": {\"k\": 1, \"comma, key\": null, \"\": 0},"
              + " \"c_map_nested\": {\"1\": {\"x\": [\"{v}\", null]}, \"-2\": null}}",
          "{\"c_bool\": false, \"c_real\": 3.4028235e38, \"c_double\": 4.9e-324,"
              + " \"c_decimal\": 0.1, \"c_date\": \"2024-02-29\", \"c_interval\": \"00:00:00\","
              + " \"c_varchar\": \"\", \"c_json\": \"just a string\", \"c_blob\": \"\","
              + " \"c_list\": [], \"c_strings\": [], \"c_doubles\": [1.1],"
              + " \"c_struct\": {\"a\": null, \"b c\": null, \"d\": null}, \"c_map\": {}}",
          "{}");

  @TempDir Path temp;

  @Test
  void everyTypeReadsTheSameAfterAppendingBackItsCsvAndJsonScans() throws Exception {
    CliLake lake = new CliLake(temp);
    StringBuilder schema = new StringBuilder();
    TYPES.forEach(
        (name, type) -> schema.append(schema.isEmpty() ? "" : ", ").append(name + " " + type));
    lake.write("create-table", "t", "--schema", schema.toString());
    lake.write("append", "t", lake.file("rows.jsonl", ROWS.toArray(String[]::new)).toString());
    List<String> original = lake.scan("t", "json");
    assertThat(original).hasSize(ROWS.size());
    Path csv = temp.resolve("scan.csv");
    Path json = temp.resolve("scan.jsonl");
    Files.write(csv, String.join("\n", lake.scan("t", "csv")).concat("\n").getBytes());
    Files.write(json, String.join("\n", original).concat("\n").getBytes());

    for (Path back : List.of(csv, json)) {
      lake.write("create-table", "back", "--schema", schema.toString());
      lake.write("append", "back", back.toString());
      List<String> again = lake.scan("back", "json");
      assertSameByColumn(back.getFileName().toString(), original, again);
      assertThat(lake.scan("back", "csv")).isEqualTo(lake.scan("t", "csv"));
      lake.write("drop-table", "back");
    }
  }

  /** Compares rows column by column, so a failure names the type that did not come back. */
  private static void assertSameByColumn(String via, List<String> expected, List<String> actual)
      throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    assertThat(actual).hasSameSizeAs(expected);
    List<String> differences = new ArrayList<>();
    for (int r = 0; r < expected.size(); r++) {
      JsonNode want = mapper.readTree(expected.get(r));
      JsonNode got = mapper.readTree(actual.get(r));
      for (String column : TYPES.keySet()) {
        if (!want.get(column).equals(got.get(column))) {
          differences.add(
              String.format(
                  "row %d %s %s: wrote %s, read back %s",
                  r, column, TYPES.get(column), want.get(column), got.get(column)));
        }
      }
    }
    assertThat(differences).as("values that did not survive " + via).isEmpty();
  }
}
