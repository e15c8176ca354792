package io.quacklake.testkit.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of a command with a time limit, its output captured in full (no pipe can fill up). */
final class PeerProcess {
  private PeerProcess() {}

  /** What a finished run left: exit code and the two output streams as UTF-8 text. */
  record Outcome(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command} in {@code workDir} with an empty stdin.
   *
   * @throws AssertionError when it does not finish within {@code timeout} (it is killed), naming
   *     {@code what}
   */
  static Outcome run(List<String> command, Path workDir, Duration timeout, String what) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("duckdb-peer-", ".out");
      err = Files.createTempFile("duckdb-peer-", ".err");
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "DuckDB peer did not finish within " + timeout.toSeconds() + " s running:\n" + what);
      }
      return new Outcome(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the DuckDB peer ran:\n" + what, e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }
}
