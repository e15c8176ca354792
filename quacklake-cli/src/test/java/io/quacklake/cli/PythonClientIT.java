package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.testkit.GoldenLakes;
import io.quacklake.testkit.peer.DuckDbPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Python client's own tests ({@code clients/python/tests}, pytest) against the CLI this build
 * packaged: a virtual environment under {@code target/python-venv} with pinned pyarrow, pandas,
 * Polars and pytest from the machine's package index, the client installed into it from the
 * repository, and pytest run with the repository as {@code QUACKLAKE_HOME} and the DuckDB peer.
 */
class PythonClientIT {
  /** The versions the tests were written against; the machine's index serves these. */
  static final List<String> PINNED =
      List.of("pyarrow==25.0.1", "pandas==2.3.3", "polars==1.44.2", "pytest==9.1.1");

  @Test
  void thePythonClientPassesItsTests() throws Exception {
    Path root = GoldenLakes.repositoryRoot();
    Path target = Path.of(System.getProperty("quacklake.cli.target"));
    Path venv = target.resolve("python-venv");
    Path python = venv.resolve("bin/python");
    Path log = target.resolve("python-tests.log");
    if (!Files.isExecutable(python)) {
      String system = findPython();
      run(List.of(system, "-m", "venv", venv.toString()), root, Map.of(), log, "create the venv");
    }
    Path marker = venv.resolve("quacklake-pins.txt");
    String pins = String.join(" ", PINNED);
    if (!Files.exists(marker) || !Files.readString(marker).equals(pins)) {
      List<String> install =
          new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "-q"));
      install.addAll(indexArguments(python, root));
      install.addAll(PINNED);
      run(install, root, Map.of(), log, "install " + pins);
      Files.writeString(marker, pins);
    }
    List<String> client =
        new ArrayList<>(
            List.of(
                python.toString(), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall"));
    client.addAll(indexArguments(python, root));
    client.add(
        copyOfClient(root.resolve("clients/python"), target.resolve("python-client")).toString());
    run(client, root, Map.of(), log, "install the client from clients/python");
    int exit =
        run(
            List.of(
                python.toString(),
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--basetemp=" + target.resolve("pytest"),
                "."),
            root.resolve("clients/python/tests"),
            Map.of(
                "PYTHONDONTWRITEBYTECODE", "1",
                "QUACKLAKE_HOME", root.toString(),
                "QUACKLAKE_DUCKDB", DuckDbPeer.binaryPath().toString(),
                "QUACKLAKE_SHARED_GOLDEN", root.resolve("../shared/golden").normalize().toString()),
            log,
            null);
    String output = Files.readString(log);
    System.out.println(
        "PythonClientIT: "
            + output
                .lines()
                .filter(l -> l.contains(" passed") || l.contains(" failed"))
                .reduce((a, b) -> b)
                .orElse(""));
    assertThat(exit).as("pytest (log: %s)%n%s", log, tail(output)).isZero();
    assertThat(output).as("pytest ran tests").contains(" passed").doesNotContain(" skipped");
  }

  /**
   * The client's package copied under {@code target/} (without its tests): building it writes
   * {@code build/} and {@code *.egg-info} beside the sources, which stay untouched this way.
   */
  private static Path copyOfClient(Path source, Path copy) throws IOException {
    if (Files.exists(copy)) {
      try (var walk = Files.walk(copy)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (var walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path rel = source.relativize(p);
        if (rel.startsWith("tests") || rel.toString().contains("__pycache__")) {
          continue;
        }
        Path to = copy.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return copy;
  }

  /** The machine's configured package indexes, local ({@code file:}) ones first. */
  private static List<String> indexArguments(Path python, Path root) throws Exception {
    Process p =
        new ProcessBuilder(
                python.toString(), "-m", "pip", "config", "get", "global.extra-index-url")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(60, TimeUnit.SECONDS);
    List<String> local = new ArrayList<>();
    for (String url : out.split("\\s+")) {
      if (url.startsWith("file:")) {
        local.add(url);
      }
    }
    if (local.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>(List.of("--index-url", local.get(0)));
    for (String extra : local.subList(1, local.size())) {
      args.add("--extra-index-url");
      args.add(extra);
    }
    return args;
  }

  private static String findPython() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "python3");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String why = "python3 is not on PATH; the Python client's tests need it";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(why + " (CI=true: a missing Python fails the suite)");
    }
    System.err.println("SKIPPED (no Python): " + why);
    Assumptions.abort(why);
    return null;
  }

  /**
   * Runs a command with its output appended to {@code log}; with {@code step} set, a failure is the
   * test's failure, naming the step.
   */
  private static int run(
      List<String> command, Path dir, Map<String, String> env, Path log, String step)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 10 minutes");
    }
    if (step != null && process.exitValue() != 0) {
      throw new AssertionError(
          "could not "
              + step
              + " (exit "
              + process.exitValue()
              + "):\n"
              + tail(Files.readString(log)));
    }
    return process.exitValue();
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
