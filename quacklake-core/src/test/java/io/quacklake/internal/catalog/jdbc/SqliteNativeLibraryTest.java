package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's native library comes from the user's cache, and after the first start the driver's
 * platform probe ({@code uname -o}, a process per start) is not run again. Each start is a child
 * virtual machine with its own cache folder and a {@code uname} on its path that records each call.
 */
@EnabledOnOs(OS.LINUX)
class SqliteNativeLibraryTest {
  @TempDir Path temp;

  @Test
  void theSecondStartLoadsTheCachedLibraryWithoutProbingThePlatform() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path calls = temp.resolve("uname-calls");
    Path uname = bin.resolve("uname");
    Files.writeString(
        uname,
        "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexec /bin/uname \"$@\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(uname, PosixFilePermissions.fromString("rwx------"));
    Path cache = temp.resolve("cache");

    assertThat(start(bin, cache, "first.sqlite")).isEqualTo("42");
    assertThat(Files.readAllLines(calls)).as("the first start probes the platform").isNotEmpty();
    Path folder;
    try (Stream<Path> files = Files.list(cache.resolve("quacklake"))) {
      List<Path> all = files.toList();
      assertThat(all).anyMatch(p -> p.getFileName().toString().endsWith(".folder"));
      folder =
          all.stream()
              .filter(p -> p.getFileName().toString().startsWith("sqlite-jdbc-"))
              .filter(Files::isDirectory)
              .findFirst()
              .orElseThrow();
    }
    assertThat(folder.resolve(System.mapLibraryName("sqlitejdbc"))).isRegularFile();

    Files.delete(calls);
    assertThat(start(bin, cache, "second.sqlite")).isEqualTo("42");
    assertThat(calls).as("the second start does not run uname").doesNotExist();
  }

  @Test
  void aDamagedRememberedFolderFallsBackToTheDriver() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path cache = temp.resolve("cache");
    assertThat(start(bin, cache, "a.sqlite")).isEqualTo("42");
    try (Stream<Path> files = Files.list(cache.resolve("quacklake"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".folder")).toList()) {
        Files.writeString(f, "Nowhere/none", StandardCharsets.UTF_8);
      }
    }
    assertThat(start(bin, cache, "b.sqlite")).as("still opens").isEqualTo("42");
  }

  private String start(Path bin, Path cache, String database)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OpenOne.class.getName(),
                temp.resolve(database).toString())
            .redirectErrorStream(true);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().reduce((a, b) -> b).orElse("");
  }

  /** The child: opens a SQLite database through {@link SqliteConnections} and prints 42. */
  public static final class OpenOne {
    public static void main(String[] args) throws Exception {
      try (Connection c = SqliteConnections.open(args[0], new Properties());
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT 6 * 7")) {
        r.next();
        System.out.println(r.getInt(1));
      }
    }
  }
}
