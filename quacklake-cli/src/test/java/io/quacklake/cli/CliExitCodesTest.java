package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Exit codes and messages of {@code docs/cli.md} for damaged, missing and hostile inputs: one line
 * naming the file (and line) and what is wrong, no Java class names, and the lake unchanged.
 */
class CliExitCodesTest {
  @TempDir Path temp;

  private CliLake lake;
  private Path dataFile;

  @BeforeEach
  void createLake() throws Exception {
    lake = new CliLake(temp);
    lake.write("create-table", "t", "--schema", "id BIGINT NOT NULL, name VARCHAR");
    String rows =
        IntStream.range(0, 50).mapToObj(i -> i + ",n" + i).collect(Collectors.joining("\n"));
    lake.write("append", "t", lake.file("rows.csv", "id,name", rows).toString());
    try (var files = Files.list(temp.resolve("data/main/t"))) {
      dataFile = files.findFirst().orElseThrow();
    }
  }

  @Test
  void aDamagedInputParquetFileIsCorruptNamingTheFile() throws Exception {
    Path export = temp.resolve("export.parquet");
    lake.run("scan", "t", "--format", "parquet", "--output", export.toString());
    byte[] good = Files.readAllBytes(export);
    byte[] hugeFooter = good.clone();
    hugeFooter[good.length - 5] = (byte) 0x7f;
    byte[] garbledFooter = good.clone();
    for (int i = good.length - 60; i < good.length - 8; i++) {
      garbledFooter[i] ^= 0x5a;
    }
    int snapshots = lake.snapshots();
    assertThat(lake.fails(5, "append", "t", lake.bytes("huge.parquet", hugeFooter).toString()))
        .startsWith("quacklake: corrupt: Parquet file huge.parquet is damaged: its footer length")
        .contains("exceeds the file size");
    assertThat(lake.fails(5, "append", "t", lake.bytes("bad.parquet", garbledFooter).toString()))
        .isEqualTo(
            "quacklake: corrupt: Parquet file bad.parquet is damaged: its footer does not parse;"
                + " write it again");
    assertThat(lake.snapshots()).isEqualTo(snapshots);
    assertThat(lake.scan("t", "csv")).hasSize(51);
  }

  @Test
  void aTruncatedOrDamagedLakeDataFileIsCorruptAndAMissingOneDoesNotExist() throws Exception {
    byte[] good = Files.readAllBytes(dataFile);
    Files.write(dataFile, java.util.Arrays.copyOf(good, good.length / 2));
    assertThat(lake.fails(5, "scan", "t", "--format", "csv"))
        .startsWith("quacklake: corrupt: Parquet file " + dataFile)
        .contains("is damaged or truncated");
    byte[] damaged = good.clone();
    for (int i = 4; i < good.length / 2; i++) {
      damaged[i] ^= 0x5a;
    }
    Files.write(dataFile, damaged);
    assertThat(lake.fails(5, "scan", "t", "--format", "csv"))
        .isEqualTo(
            "quacklake: corrupt: Parquet file "
                + dataFile
                + " is damaged or truncated: cannot read its row group 0; restore the file or"
                + " remove it from the lake");
    Files.delete(dataFile);
    assertThat(lake.fails(2, "scan", "t", "--format", "csv"))
        .isEqualTo(
            "quacklake: not found: Parquet file "
                + dataFile
                + " does not exist; it was deleted, or the data path is wrong");
    Files.write(dataFile, good);
    assertThat(lake.scan("t", "csv")).hasSize(51);
  }

  @Test
  void textThatIsNotUtf8IsInvalidNamingTheLine() throws Exception {
    byte[] latin1 = "id,name\n1,a\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(lake.fails(1, "append", "t", lake.bytes("latin.csv", latin1).toString()))
        .isEqualTo(
            "quacklake: invalid argument: latin.csv line 3: not valid UTF-8 text; save the file as"
                + " UTF-8");
    byte[] json =
        "{\"id\": 1}\n{\"id\": 2, \"name\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(lake.fails(1, "append", "t", lake.bytes("latin.jsonl", json).toString()))
        .contains("latin.jsonl line 2: not valid UTF-8 text");
    assertThat(lake.scan("t", "csv")).hasSize(51);
  }

  @Test
  void recordsOverTheSizeLimitAreInvalidNamingTheLine() throws Exception {
    String big = "x".repeat(300);
    Path csv = lake.file("big.csv", "id,name", "1,a", "2,\"" + big + "\"", "3,c");
    assertThat(lake.fails(1, "append", "t", csv.toString(), "--max-record-size", "200"))
        .isEqualTo(
            "quacklake: invalid argument: big.csv line 3: the record starting on this line is"
                + " longer than 200 bytes; fix the file or raise --max-record-size");
    Path open = lake.file("open.csv", "id,name", "1,\"never closed", "2,b", "3," + big);
    assertThat(lake.fails(1, "append", "t", open.toString(), "--max-record-size", "200"))
        .contains("open.csv line 2: the record starting on this line is longer than 200 bytes")
        .contains("is a quote left open?");
    Path json = lake.file("big.jsonl", "{\"id\": 1}", "{\"id\": 2, \"name\": \"" + big + "\"}");
    assertThat(lake.fails(1, "append", "t", json.toString(), "--max-record-size", "200"))
        .contains("big.jsonl line 2: the record starting on this line is longer than 200 bytes");
    lake.write("append", "t", csv.toString(), "--max-record-size", "400");
    assertThat(lake.fails(1, "append", "t", csv.toString(), "--max-record-size", "0"))
        .contains("--max-record-size must be a positive number of bytes");
  }

  @Test
  void scanOutputIntoAMissingDirectoryIsInvalidForEveryFormat() {
    Path missing = temp.resolve("missing/dir");
    for (String format : List.of("csv", "json", "parquet", "arrow", "table")) {
      Path out = missing.resolve("x." + format);
      assertThat(lake.fails(1, "scan", "t", "--format", format, "--output", out.toString()))
          .isEqualTo(
              "quacklake: invalid argument: cannot write --output "
                  + out
                  + ": the directory "
                  + missing
                  + " does not exist; create it first");
    }
    assertThat(temp.resolve("missing")).doesNotExist();
  }

  @Test
  void aFileUrlWithTwoSlashesIsInvalidWithAHint() {
    CliRun r = CliRun.of("--catalog", "file://tmp/x", "tables");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "quacklake: invalid argument: location file://tmp/x/ names the host 'tmp'; a local"
                + " file location has three slashes, e.g. file:///tmp/x/\n");
  }

  @Test
  void parserMessagesNeverNameJavaClasses() throws Exception {
    assertThat(lake.fails(1, "append", "t", lake.file("q.csv", "id,name", "1,\"a\"b").toString()))
        .contains("q.csv after line 1: not valid CSV (Invalid character between encapsulated");
    assertThat(lake.fails(1, "append", "t", lake.file("h.csv", "id,name,").toString()))
        .contains("h.csv line 1: the header has a column without a name");
    for (String bad : List.of("{\"id\": +1}", "{\"id\": .5}", "{\"id\": 1} /* c */", "{'id': 1}")) {
      assertThat(lake.fails(1, "append", "t", lake.file("bad.jsonl", bad).toString()))
          .contains("bad.jsonl line 1: not valid JSON (at character");
    }
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThat(
            lake.fails(
                1, "append", "t", lake.file("deep.jsonl", "{\"name\": " + deep + "}").toString()))
        .contains("deep.jsonl line 1: not valid JSON");
    CliRun gc =
        CliRun.of(
            "--catalog", "file://" + temp.resolve("oc"), "catalog", "gc", "--retention", "soon");
    assertThat(gc.exit()).isEqualTo(1);
    assertThat(gc.err())
        .contains("'soon' is not a duration; write e.g. '7 days', '12 hours' or '30 minutes'")
        .doesNotContain("java.");
  }

  @Test
  void errorsOfTheVirtualMachineAreOneLineWithoutATrace() {
    for (Error e : List.of(new StackOverflowError(), new OutOfMemoryError("Java heap space"))) {
      Main main = new Main();
      CommandLine cli = new CommandLine(main).addSubcommand("boom", new Boom(e));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
      assertThat(Main.execute(main, cli, "boom")).isEqualTo(70);
      String line = err.toString(StandardCharsets.UTF_8);
      assertThat(line).startsWith("quacklake: internal: ").doesNotContain("\tat ");
      assertThat(line.strip()).doesNotContain("\n");
    }
  }

  @Command(name = "boom")
  private record Boom(Error error) implements Callable<Integer> {
    @Override
    public Integer call() {
      throw error;
    }
  }
}
