package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI on a terminal (a pseudo-terminal made by util-linux's {@code script}): appends,
 * scans to files and maintenance show a progress line on stderr, {@code --quiet} silences it, and
 * off a terminal there is none (every in-process test checks that stderr stays empty).
 */
class CliTerminalIT {
  @TempDir Path temp;

  private String onTerminal(String arguments) throws Exception {
    Path script = Path.of("/usr/bin/script");
    if (!Files.isExecutable(script)) {
      String why = "util-linux's script is not installed; it makes the pseudo-terminal";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      System.err.println("SKIPPED (no script): " + why);
      Assumptions.abort(why);
    }
    Path jar = Path.of(System.getProperty("quacklake.cli.target"), "quacklake.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        java
            + " --add-opens=java.base/java.nio=ALL-UNNAMED -jar "
            + jar
            + " --catalog sqlite:"
            + temp.resolve("lake.sqlite")
            + " "
            + arguments;
    ProcessBuilder builder =
        new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
            .redirectErrorStream(true);
    builder.environment().put("TERM", "xterm");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void longWorkShowsProgressOnATerminalUnlessQuiet() throws Exception {
    CliRun init =
        CliRun.of(
            "--catalog",
            "sqlite:" + temp.resolve("lake.sqlite"),
            "--data-path",
            temp.resolve("data").toString(),
            "init");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(
            CliRun.of(
                    "--catalog",
                    "sqlite:" + temp.resolve("lake.sqlite"),
                    "create-table",
                    "t",
                    "--schema",
                    "id BIGINT, name VARCHAR")
                .exit())
        .isZero();
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 0; i < 300_000; i++) {
      csv.append(i).append(",name").append(i).append('\n');
    }
    Path rows = temp.resolve("rows.csv");
    Files.writeString(rows, csv);
    assertThat(onTerminal("append t " + rows)).contains("append t").contains("rows");
    assertThat(onTerminal("--quiet append t " + rows)).doesNotContain("append t");
    assertThat(onTerminal("scan t --output " + temp.resolve("out.csv"))).contains("scan t");
    assertThat(Files.readAllLines(temp.resolve("out.csv"))).hasSize(600_001);
    assertThat(onTerminal("merge-adjacent-files t")).contains("merging files").contains("files");
    assertThat(onTerminal("--quiet cleanup-old-files --all")).doesNotContain("deleting old files");
  }
}
