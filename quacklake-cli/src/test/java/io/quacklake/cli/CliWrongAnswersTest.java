package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong answers found by black-box use: each command either does what DuckDB does or refuses with
 * one clear line, and a refused write leaves the lake as it was.
 */
class CliWrongAnswersTest {
  @TempDir Path temp;

  private CliLake lake;

  @BeforeEach
  void createLake() {
    lake = new CliLake(temp);
  }

  /** Table {@code t} with 3 inlined rows and 20 rows in a Parquet file. */
  private void inlinedAndParquetRows() throws Exception {
    lake.write("create-table", "t", "--schema", "id BIGINT NOT NULL, name VARCHAR");
    lake.write("append", "t", lake.file("few.csv", "id,name", "1,a", "2,b", "3,c").toString());
    String many =
        IntStream.range(100, 120).mapToObj(i -> i + ",n" + i).collect(Collectors.joining("\n"));
    lake.write("append", "t", lake.file("many.csv", "id,name", many).toString());
    assertThat(Files.list(temp.resolve("data/main/t")).count()).isEqualTo(1);
  }

  @Test
  void updateCannotSetANotNullColumnToNullInInlinedOrParquetRows() throws Exception {
    inlinedAndParquetRows();
    List<String> before = lake.scan("t", "csv");
    int snapshots = lake.snapshots();
    for (String where : List.of("id = 2", "id = 105", "true")) {
      String error = lake.fails(1, "update", "t", "--set", "id = NULL", "--where", where);
      assertThat(error)
          .isEqualTo(
              "quacklake: invalid argument: column main.t.id is NOT NULL, but "
                  + (where.equals("true") ? 23 : 1)
                  + " new row(s) hold NULL in it; give it a value or make the column nullable");
    }
    assertThat(lake.snapshots()).isEqualTo(snapshots);
    assertThat(lake.scan("t", "csv")).containsExactlyInAnyOrderElementsOf(before);
    lake.write("update", "t", "--set", "id = NULL", "--where", "id = 999");
    Path export = temp.resolve("t.parquet");
    lake.run("scan", "t", "--format", "parquet", "--output", export.toString());
    assertThat(export).isNotEmptyFile();
  }

  @Test
  void mergeCannotInsertOrReplaceWithNullInANotNullColumn() throws Exception {
    lake.write("create-table", "t", "--schema", "id BIGINT, code VARCHAR NOT NULL");
    lake.write("append", "t", lake.file("a.csv", "id,code", "1,x", "2,y").toString());
    int snapshots = lake.snapshots();
    Path upsert = lake.file("u.jsonl", "{\"id\": 1}", "{\"id\": 3, \"code\": \"z\"}");
    assertThat(lake.fails(1, "merge", "t", upsert.toString(), "--on", "id"))
        .contains("u.jsonl line 1, column code: NULL in a NOT NULL column");
    assertThat(lake.snapshots()).isEqualTo(snapshots);
  }

  @Test
  void aColumnSelectedTwiceIsFilledTwiceInParquetAndInlinedRows() throws Exception {
    inlinedAndParquetRows();
    List<String> rows = lake.scan("t", "csv", "--columns", "id,name,ID");
    assertThat(rows).hasSize(24).first().isEqualTo("id,name,id");
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(r -> assertThat(r.split(",")[2]).isEqualTo(r.split(",")[0]))
        .contains("2,b,2", "105,n105,105");
    assertThat(lake.scan("t", "csv", "--columns", "id,id", "--where", "id IN (3, 110)"))
        .containsExactlyInAnyOrder("id,id", "3,3", "110,110");
  }

  @Test
  void setAsksForQuotesAroundTextThatIsNeitherALiteralNorAnExpression() throws Exception {
    inlinedAndParquetRows();
    int snapshots = lake.snapshots();
    assertThat(lake.fails(1, "update", "t", "--set", "name = hello world", "--where", "id = 1"))
        .isEqualTo(
            "quacklake: invalid argument: --set name = hello world: not a value; quote text as"
                + " 'hello world' (a value is a number, 'text', true, false, NULL, a typed literal"
                + " such as DATE '2025-01-31', or an expression such as price * 2)");
    for (String set : List.of("name = it's", "name = x'y'", "name = 'a' 'b'", "name = DATEX 'a'")) {
      assertThat(lake.fails(1, "update", "t", "--set", set)).contains("not a value");
    }
    assertThat(lake.snapshots()).isEqualTo(snapshots);
    lake.write("update", "t", "--set", "name = 'hello, ''world'''", "--where", "id = 1");
    lake.write("update", "t", "--set", "name = -1.5e3", "--where", "id = 2");
    lake.write("update", "t", "--set", "name = DATE '2025-01-31'", "--where", "id = 3");
    assertThat(lake.scan("t", "csv", "--where", "id <= 3"))
        .containsExactly("id,name", "1,\"hello, 'world'\"", "2,-1.5e3", "3,2025-01-31");
  }

  @Test
  void numbersBeyondTheFloatingRangeAreRefusedNotStoredAsInfinity() throws Exception {
    lake.write("create-table", "f", "--schema", "id INTEGER, d DOUBLE, r REAL");
    int snapshots = lake.snapshots();
    assertThat(lake.fails(1, "append", "f", lake.file("d.csv", "id,d,r", "1,1e309,1").toString()))
        .contains("d.csv line 2, column d: '1e309' is not a DOUBLE");
    assertThat(lake.fails(1, "append", "f", lake.file("r.csv", "id,d,r", "1,1,-1e39").toString()))
        .contains("r.csv line 2, column r: '-1e39' is not a FLOAT");
    assertThat(lake.fails(1, "append", "f", lake.file("d.jsonl", "{\"d\": -1e309}").toString()))
        .contains("d.jsonl line 1, column d:");
    assertThat(lake.fails(1, "append", "f", lake.file("r.jsonl", "{\"r\": 1e39}").toString()))
        .contains("r.jsonl line 1, column r:");
    assertThat(lake.fails(1, "update", "f", "--set", "d = 1e400")).contains("DOUBLE");
    assertThat(lake.snapshots()).isEqualTo(snapshots);
    lake.write(
        "append",
        "f",
        lake.file("ok.csv", "id,d,r", "1,inf,-inf", "2,1.7976931348623157e308,3.4028235e38")
            .toString());
    assertThat(lake.scan("f", "csv"))
        .containsExactly("id,d,r", "1,inf,-inf", "2,1.7976931348623157e+308,3.4028235e+38");
  }

  @Test
  void negativeZeroKeepsItsSignFromJson() throws Exception {
    lake.write("create-table", "z", "--schema", "d DOUBLE, r REAL, l DOUBLE[]");
    lake.write(
        "append",
        "z",
        lake.file("z.jsonl", "{\"d\": -0.0, \"r\": -0e0, \"l\": [-0.0]}").toString());
    assertThat(lake.scan("z", "csv")).containsExactly("d,r,l", "-0.0,-0.0,[-0.0]");
    assertThat(lake.scan("z", "json")).containsExactly("{\"d\":-0.0,\"r\":-0.0,\"l\":[-0.0]}");
  }

  @Test
  void negativeIntervalsStayInlinedButParquetRefusesThemNamingTheColumn() throws Exception {
    lake.write("create-table", "i", "--schema", "id INTEGER, span INTERVAL");
    lake.write("append", "i", lake.file("i.csv", "id,span", "1,-1 day", "2,1000 hours").toString());
    assertThat(lake.scan("i", "csv")).containsExactly("id,span", "1,-1 day", "2,1000:00:00");
    String error =
        lake.fails(
            1,
            "scan",
            "i",
            "--format",
            "parquet",
            "--output",
            temp.resolve("i.parquet").toString());
    assertThat(error)
        .isEqualTo(
            "quacklake: invalid argument: column span holds the negative interval (0 months, -1"
                + " days, 0 ms), which Parquet files cannot store (DuckDB refuses it too); store a"
                + " non-negative interval");
    String many =
        IntStream.range(0, 12)
            .mapToObj(i -> i + ",-" + i + " hours")
            .collect(Collectors.joining("\n"));
    int snapshots = lake.snapshots();
    assertThat(lake.fails(1, "append", "i", lake.file("many.csv", "id,span", many).toString()))
        .contains("column span holds the negative interval");
    assertThat(lake.snapshots()).isEqualTo(snapshots);
    lake.write("delete", "i", "--where", "id = 1");
    Path export = temp.resolve("ok.parquet");
    lake.run("scan", "i", "--format", "parquet", "--output", export.toString());
    lake.write("create-table", "j", "--schema", "id INTEGER, span INTERVAL");
    lake.write("append", "j", export.toString());
    assertThat(lake.scan("j", "csv")).containsExactly("id,span", "2,1000:00:00");
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderOrFirstObjectIsSkipped() throws Exception {
    lake.write("create-table", "b", "--schema", "id INTEGER, name VARCHAR");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    lake.write("append", "b", lake.bytes("b.csv", concat(bom, "id,name\n1,x\n")).toString());
    lake.write("append", "b", lake.bytes("b.jsonl", concat(bom, "{\"id\":2}\n")).toString());
    assertThat(lake.scan("b", "csv")).containsExactly("id,name", "1,x", "2,");
  }

  private static byte[] concat(byte[] head, String text) {
    byte[] tail = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }
}
