package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} ships, run as a user runs it: the distribution tarball unpacked under
 * {@code target/}, its POSIX launcher in a child process, with and without the DuckDB add-on
 * unpacked over it; and the repository's {@code target/quacklake.jar} under {@code java -jar}.
 */
class DistributionIT {
  private static final String DUCKDB_MISSING =
      " needs DuckDB JDBC, which is not on the class path: add the jar of Maven artifact"
          + " org.duckdb:duckdb_jdbc";

  private static Path target;
  private static Path slim;
  private static Path withDuckdb;

  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    target = Path.of(System.getProperty("quacklake.cli.target"));
    String version = System.getProperty("quacklake.version");
    Path distribution = target.resolve("quacklake-" + version + ".tar.gz");
    Path addOn = target.resolve("quacklake-" + version + "-duckdb.tar.gz");
    Path root = target.resolve("distribution-it");
    deleteTree(root);
    slim = untar(distribution, root.resolve("slim")).resolve("quacklake-" + version);
    untar(distribution, root.resolve("with-duckdb"));
    withDuckdb = untar(addOn, root.resolve("with-duckdb")).resolve("quacklake-" + version);
  }

  @Test
  void distributionRunsSqliteLakeWithoutDuckdb() throws Exception {
    assertThat(slim.resolve("lib/duckdb")).doesNotExist();
    assertThat(slim.resolve("lib")).isDirectoryContaining("glob:**/quacklake.jar");

    assertLakeRoundTrip(launcher(slim), "sqlite:" + work.resolve("catalog.sqlite"));
  }

  @Test
  void theFirstCallWritesAClassDataArchiveThatLaterCallsUse() throws Exception {
    String catalog = "sqlite:" + work.resolve("cds.sqlite");
    CliRun init = run(launcher(slim), "--catalog", catalog, "--data-path", work + "/d", "init");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.err()).isEmpty();
    Path cache = work.resolve("cache/quacklake");
    try (var files = Files.list(cache)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the archive the first call wrote, and no partial file")
          .anyMatch(n -> n.startsWith("cds-") && n.endsWith(".jsa"))
          .noneMatch(n -> n.endsWith(".partial"));
    }
    CliRun tables = run(launcher(slim), "--catalog", catalog, "tables");
    assertThat(tables.exit()).as(tables.err()).isZero();
    assertThat(tables.err()).as("the archive is used without a word").isEmpty();
    CliRun off =
        runWith(Map.of("QUACKLAKE_CDS", "off"), launcher(slim), "--catalog", catalog, "tables");
    assertThat(off.out()).isEqualTo(tables.out());
  }

  @Test
  void aWarmProcessStartsKeepsNoDescriptorOfItsCallerAndEndsWhenIdle() throws Exception {
    Path runtime = Files.createDirectories(work.resolve("run"));
    Map<String, String> warm =
        Map.of(
            "QUACKLAKE_WARM", "on",
            "XDG_RUNTIME_DIR", runtime.toString(),
            "QUACKLAKE_WARM_IDLE", "3");
    String catalog = "sqlite:" + work.resolve("warm.sqlite");
    List<String> quacklake = launcher(slim);
    CliRun init =
        runWith(warm, quacklake, "--catalog", catalog, "--data-path", work + "/w/", "init");
    assertThat(init.exit()).as(init.err()).isZero();
    // the first call writes the class-data archive; the next starts the warm process, under a lock
    // its caller holds on descriptor 9
    Path lock = work.resolve("caller.lock");
    String script = "exec 9>'" + lock + "'; flock 9; exec \"$0\" \"$@\"";
    List<String> locked = new ArrayList<>(List.of("sh", "-c", script));
    locked.addAll(quacklake);
    CliRun create =
        runWith(warm, locked, "--catalog", catalog, "create-table", "t", "--schema", "id BIGINT");
    assertThat(create.exit()).as(create.err()).isZero();
    Path sockets = runtime.resolve("quacklake/warm");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sockets(sockets).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(sockets(sockets)).as("a warm process listens").hasSize(1);
    Process free = new ProcessBuilder("flock", "-n", lock.toString(), "true").start();
    assertThat(free.waitFor()).as("the warm process does not hold its caller's lock").isZero();

    Path csv = Files.writeString(work.resolve("warm.csv"), "id\n1\n2\n");
    for (int i = 0; i < 2; i++) {
      CliRun append = runWith(warm, quacklake, "--catalog", catalog, "append", "t", csv.toString());
      assertThat(append.exit()).as(append.err()).isZero();
    }
    CliRun scan = runWith(warm, quacklake, "--catalog", catalog, "scan", "t", "--where", "id = 2");
    assertThat(scan.out()).isEqualTo("id\n2\n2\n");
    CliRun missing = runWith(warm, quacklake, "--catalog", catalog, "describe", "nope");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");

    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!sockets(sockets).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(sockets(sockets)).as("the idle warm process ended").isEmpty();
  }

  private static List<Path> sockets(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".sock")).toList();
    }
  }

  @Test
  void duckdbCatalogWithoutAddOnIsOneLineAndExitFive() throws Exception {
    String catalog = "duckdb:" + work.resolve("catalog.duckdb");

    CliRun run = run(launcher(slim), "--catalog", catalog, "--data-path", work + "/data", "init");

    assertThat(run.exit()).isEqualTo(5);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("quacklake: unsupported: catalog " + catalog + DUCKDB_MISSING + "\n");
    assertThat(work.resolve("catalog.duckdb")).doesNotExist();
  }

  @Test
  void duckdbAddOnUnpackedOverTheDistributionServesDuckdbCatalogs() throws Exception {
    assertThat(withDuckdb.resolve("lib/duckdb")).isDirectoryContaining("glob:**/duckdb_jdbc-*.jar");

    assertLakeRoundTrip(launcher(withDuckdb), "duckdb:" + work.resolve("catalog.duckdb"));
  }

  @Test
  void repositoryJarFindsDuckdbBesideItAndRunsEveryOtherCatalogWithoutIt() throws Exception {
    List<String> beside = javaJar(target.resolve("quacklake.jar"));
    String besideCatalog = "duckdb:" + work.resolve("beside.duckdb");
    assertThat(run(beside, "--catalog", besideCatalog, "--data-path", work + "/b", "init").out())
        .isEqualTo("0\n");

    List<String> alone =
        javaJar(Files.copy(target.resolve("quacklake.jar"), work.resolve("quacklake.jar")));
    String sqlite = "sqlite:" + work.resolve("alone.sqlite");
    assertThat(run(alone, "--catalog", sqlite, "--data-path", work + "/s", "init").out())
        .isEqualTo("0\n");
    String catalog = "duckdb:" + work.resolve("alone.duckdb");
    CliRun run = run(alone, "--catalog", catalog, "--data-path", work + "/d", "init");
    assertThat(run.exit()).isEqualTo(5);
    assertThat(run.err())
        .isEqualTo("quacklake: unsupported: catalog " + catalog + DUCKDB_MISSING + "\n");
  }

  /** init, create-table, append a CSV file and scan it back, each a child process. */
  private void assertLakeRoundTrip(List<String> quacklake, String catalog) throws Exception {
    Path csv = Files.writeString(work.resolve("rows.csv"), "id,name\n1,ada\n2,alan\n");
    String data = work.resolve("data-" + catalog.hashCode()) + "/";
    assertThat(run(quacklake, "--catalog", catalog, "--data-path", data, "init").out())
        .isEqualTo("0\n");
    assertThat(
            run(
                    quacklake,
                    "--catalog",
                    catalog,
                    "create-table",
                    "t",
                    "--schema",
                    "id BIGINT, name VARCHAR")
                .out())
        .isEqualTo("1\n");
    assertThat(run(quacklake, "--catalog", catalog, "append", "t", csv.toString()).out())
        .isEqualTo("2\n");

    CliRun scan = run(quacklake, "--catalog", catalog, "scan", "t", "--format", "csv");

    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).isEqualTo("id,name\n1,ada\n2,alan\n");
  }

  private static List<String> launcher(Path install) {
    return List.of(install.resolve("bin/quacklake").toString());
  }

  private static List<String> javaJar(Path jar) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-jar",
        jar.toString());
  }

  /**
   * Runs the command in a child process with this JVM as JAVA_HOME and a cache folder of this
   * test's own; fails after two minutes.
   */
  private CliRun run(List<String> command, String... args) throws Exception {
    return runWith(Map.of(), command, args);
  }

  private CliRun runWith(Map<String, String> env, List<String> command, String... args)
      throws Exception {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(all).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("QUACKLAKE_JAVA_OPTS");
    builder.environment().remove("QUACKLAKE_CATALOG");
    builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    builder.environment().put("QUACKLAKE_WARM", "off");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + all);
    }
    return new CliRun(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path untar(Path tarball, Path into) throws Exception {
    assertThat(tarball).exists();
    Files.createDirectories(into);
    Process tar =
        new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", into.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).as("tar xzf " + tarball).isZero();
    return into;
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
