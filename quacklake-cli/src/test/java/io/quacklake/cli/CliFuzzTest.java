package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded, bounded fuzzing of the command line's inputs: mutated CSV, JSON lines and Parquet files
 * handed to {@code append}, and mutated {@code --where} expressions handed to {@code scan} and
 * {@code delete}. Every run ends with an exit code from the contract, one error line without a
 * stack trace or Java class name, and a lake that a failed command left exactly as it was. A
 * failure names the seed and the case; the same seed replays the same inputs.
 */
class CliFuzzTest {
  private static final int CASES_PER_KIND = 30;
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*");
  private static final String SCHEMA =
      "id BIGINT NOT NULL, name VARCHAR, amount DECIMAL(12,2), ok BOOLEAN, d DATE,"
          + " ts TIMESTAMP, x DOUBLE, tags INTEGER[]";
  private static final List<String> EXPRESSIONS =
      List.of(
          "id = 3",
          "id BETWEEN 10 AND 20 AND name IS NOT NULL",
          "name = 'a''b' OR ok = true",
          "amount > 12.5 AND NOT (d < DATE '2020-01-01')",
          "ts >= TIMESTAMP '2021-05-01 10:00:00' OR x IN (1.5, 2.5, -0.0)",
          "id NOT IN (1, 2, 3) AND x IS NULL");
  private static final List<String> TOKENS =
      List.of(
          "(",
          ")",
          "AND",
          "OR",
          "NOT",
          "=",
          "<>",
          "<",
          ">=",
          "IS",
          "NULL",
          "BETWEEN",
          "IN",
          ",",
          "'x'",
          "'",
          "1e309",
          "-",
          "99999999999999999999999",
          "DATE",
          "'2020-13-45'",
          "id",
          "name",
          "nosuch",
          "tags",
          "INTERVAL '-1 day'",
          "UUID 'zz'",
          "true",
          ".",
          "\"id\"",
          "\0");

  @TempDir Path temp;

  private final List<String> problems = new ArrayList<>();
  private Random random;
  private CliLake lake;
  private Path data;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void mutatedInputsFailCleanlyAndLeaveTheLakeAsItWas(long seed) throws IOException {
    random = new Random(seed);
    lake = new CliLake(temp);
    data = temp.resolve("data");
    lake.write("create-table", "t", "--schema", SCHEMA);
    lake.write("append", "t", lake.file("seed.csv", seedRows(40).stripTrailing()).toString());
    byte[] csv = export("csv");
    byte[] json = export("json");
    byte[] parquet = export("parquet");
    for (int i = 0; i < CASES_PER_KIND; i++) {
      appendCase(seed, "csv", i, mutate(csv));
      appendCase(seed, "jsonl", i, mutate(json));
      appendCase(seed, "parquet", i, mutate(parquet));
      expressionCase(seed, i, mutateExpression());
    }
    assertThat(problems).as("%d problems, first ones", problems.size()).isEmpty();
  }

  private void appendCase(long seed, String extension, int index, byte[] content)
      throws IOException {
    Path input = temp.resolve("case-" + index + "." + extension);
    Files.write(input, content);
    String replay = "seed " + seed + ", " + extension + " case " + index + " (" + input + ")";
    check(replay, Set.of(0, 1, 2, 5), true, "append", "t", input.toString());
  }

  private void expressionCase(long seed, int index, String expression) throws IOException {
    String replay = "seed " + seed + ", expression case " + index + ": " + abbreviate(expression);
    check(replay, Set.of(0, 1, 2), false, "scan", "t", "--where", expression, "--format", "csv");
    if (index % 5 == 0) {
      check(replay, Set.of(0, 1, 2), true, "delete", "t", "--where", expression);
    }
  }

  /**
   * Runs one command and checks its exit code, its error line and what it left in the lake; a
   * problem is collected (not thrown) so one run reports every kind of failure it found.
   */
  private void check(String replay, Set<Integer> allowedExits, boolean writes, String... args)
      throws IOException {
    String before = fingerprint();
    CliRun r = run(args);
    String err = r.err().strip();
    if (!allowedExits.contains(r.exit())) {
      problems.add(replay + ": exit " + r.exit() + ": " + abbreviate(err));
    }
    if (r.exit() == 0) {
      if (writes && !r.out().matches("\\d+\n")) {
        problems.add(replay + ": stdout is not one snapshot id: " + abbreviate(r.out()));
      }
      return;
    }
    if (err.lines().count() != 1
        || !err.startsWith("quacklake: ")
        || err.contains("\tat ")
        || err.contains("Exception")
        || CLASS_NAME.matcher(err).find()) {
      problems.add(replay + ": not one clean error line: " + abbreviate(err));
    }
    if (writes && !r.out().isEmpty()) {
      problems.add(replay + ": a failed write printed " + abbreviate(r.out()));
    }
    if (writes && !fingerprint().equals(before)) {
      problems.add(replay + ": the failed write changed the lake");
    }
  }

  /**
   * What a reader of the lake can see: snapshots, the rows (sorted: a parallel scan may interleave
   * inlined and file rows differently from run to run), and every file under the data path.
   */
  private String fingerprint() throws IOException {
    CliRun snapshots = run("snapshots", "--format", "csv");
    CliRun rows = run("scan", "t", "--format", "csv");
    assertThat(snapshots.exit()).as(snapshots.err()).isZero();
    assertThat(rows.exit()).as(rows.err()).isZero();
    String files;
    try (Stream<Path> walk = Files.walk(data)) {
      files =
          walk.filter(Files::isRegularFile)
              .map(p -> data.relativize(p) + " " + p.toFile().length())
              .sorted()
              .collect(Collectors.joining("\n"));
    }
    String sortedRows = rows.lines().stream().sorted().collect(Collectors.joining("\n"));
    return snapshots.out() + "\n" + sortedRows + "\n" + files;
  }

  private byte[] export(String format) throws IOException {
    Path file = temp.resolve("export." + format);
    succeed("scan", "t", "--format", format, "--output", file.toString());
    return Files.readAllBytes(file);
  }

  private String seedRows(int count) {
    StringBuilder csv = new StringBuilder("id,name,amount,ok,d,ts,x,tags\n");
    for (int i = 0; i < count; i++) {
      csv.append(i)
          .append(',')
          .append(i % 7 == 0 ? "" : "\"n" + i + (i % 3 == 0 ? ",\"\"q\"\"" : "") + "\"")
          .append(',')
          .append(random.nextInt(100000) / 100.0)
          .append(',')
          .append(random.nextBoolean())
          .append(',')
          .append(String.format("20%02d-%02d-%02d", 10 + i % 15, 1 + i % 12, 1 + i % 28))
          .append(',')
          .append(String.format("2021-05-%02d 10:%02d:00", 1 + i % 28, i % 60))
          .append(',')
          .append(i % 5 == 0 ? "" : Double.toString(random.nextGaussian()))
          .append(',')
          .append(i % 4 == 0 ? "" : "\"[" + i + ", " + (i * 2) + "]\"")
          .append('\n');
    }
    return csv.toString();
  }

  /** Applies one to four random byte-level mutations. */
  private byte[] mutate(byte[] original) {
    List<Byte> bytes = new ArrayList<>(original.length + 16);
    for (byte b : original) {
      bytes.add(b);
    }
    byte[] interesting = ",\"\n\r{}[]:-e9\\".getBytes(StandardCharsets.US_ASCII);
    int operations = 1 + random.nextInt(4);
    for (int op = 0; op < operations && !bytes.isEmpty(); op++) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(7)) {
        case 0 -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
        case 1 -> bytes.set(at, (byte) random.nextInt(256));
        case 2 -> bytes.add(at, interesting[random.nextInt(interesting.length)]);
        case 3 -> bytes.add(at, (byte) (0x80 + random.nextInt(0x80)));
        case 4 -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(16))).clear();
        case 5 -> bytes.subList(at, bytes.size()).clear();
        default -> {
          int end = Math.min(bytes.size(), at + 1 + random.nextInt(64));
          bytes.addAll(at, new ArrayList<>(bytes.subList(at, end)));
        }
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  /** A valid expression with tokens inserted, removed or replaced, sometimes nested deeply. */
  private String mutateExpression() {
    List<String> tokens =
        new ArrayList<>(List.of(EXPRESSIONS.get(random.nextInt(EXPRESSIONS.size())).split(" ")));
    int operations = random.nextInt(4);
    for (int op = 0; op < operations; op++) {
      int at = random.nextInt(tokens.size() + 1);
      String token = TOKENS.get(random.nextInt(TOKENS.size()));
      switch (random.nextInt(3)) {
        case 0 -> tokens.add(at, token);
        case 1 -> {
          if (at < tokens.size()) {
            tokens.set(at, token);
          }
        }
        default -> {
          if (at < tokens.size() && tokens.size() > 1) {
            tokens.remove(at);
          }
        }
      }
    }
    String expression = String.join(" ", tokens);
    if (random.nextInt(8) == 0) {
      int depth = 1 + random.nextInt(3000);
      expression = "(".repeat(depth) + expression + ")".repeat(depth);
    }
    return expression;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 100) + "…" + s.substring(s.length() - 100);
  }

  private void succeed(String... args) {
    CliRun r = run(args);
    assertThat(r.exit()).as("%s: %s", String.join(" ", args), r.err()).isZero();
  }

  private CliRun run(String... args) {
    return lake.run(args);
  }
}
