package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's log lines through the CLI's logger, each run in a fresh JVM (the logger is
 * configured once per process): silent by default, maintenance at info, a conflict's reason.
 */
class CliLoggingTest {
  @TempDir Path temp;

  private record Run(int exit, String out, String err) {}

  private static Run java(String main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("QUACKLAKE_LOG_LEVEL");
    Process p = builder.start();
    byte[] err = p.getErrorStream().readAllBytes();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void maintenanceLogsAtInfoAndNothingByDefault() throws Exception {
    String catalog = "sqlite:" + temp.resolve("lake.sqlite");
    String data = temp.resolve("data").toString();
    Run init = java("io.quacklake.cli.Main", "--catalog", catalog, "--data-path", data, "init");
    assertThat(init.exit()).as(init.err()).isZero();
    Run quiet = java("io.quacklake.cli.Main", "--catalog", catalog, "checkpoint");
    assertThat(quiet.exit()).as(quiet.err()).isZero();
    assertThat(quiet.err()).isEmpty();
    Run info =
        java("io.quacklake.cli.Main", "--log-level", "info", "--catalog", catalog, "checkpoint");
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.err()).contains("INFO Maintenance - checkpoint:");
    assertThat(info.out().strip()).matches("\\d+");
    Run bad = java("io.quacklake.cli.Main", "--log-level", "loud", "--catalog", catalog, "tables");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("--log-level 'loud' is not one of");
  }

  @Test
  void aConflictLogsItsReason() throws Exception {
    Run run = java("io.quacklake.cli.ProvokedConflict", temp.toString());
    assertThat(run.out().strip()).isEqualTo("CONFLICT");
    assertThat(run.err())
        .contains("INFO Committer - commit to")
        .contains("conflicts:")
        .contains("deleted");
  }
}
