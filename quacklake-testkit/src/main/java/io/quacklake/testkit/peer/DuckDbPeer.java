package io.quacklake.testkit.peer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quacklake.testkit.GoldenLakes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The DuckDB reference build (DuckDB's CLI with the ducklake extension built in), run as a separate
 * process per call so tests can ask DuckDB itself how it reads or writes a lake.
 *
 * <p>The binary is {@code $QUACKLAKE_DUCKDB}, else {@code <repository root>/../shared/peer/duckdb};
 * the loadable PostgreSQL extension is {@code postgres_scanner.duckdb_extension} beside it. Without
 * them, {@link #require()} and {@link #withPostgres()} fail the test when {@code CI=true} and skip
 * it loudly otherwise.
 *
 * <p>A DuckDB-file catalog can be open in one process at a time: close every Quacklake {@code Lake}
 * on it before calling the peer.
 */
public final class DuckDbPeer {
  /** How long one peer call may take before it is killed and the test fails. */
  public static final Duration TIMEOUT = Duration.ofSeconds(120);

  static final String POSTGRES_EXTENSION = "postgres_scanner.duckdb_extension";

  /** Longer SQL goes through a script file rather than the command line (argument size limit). */
  private static final int MAX_COMMAND_LINE_SQL = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path binary;
  private final Path postgresExtension;

  private DuckDbPeer(Path binary, Path postgresExtension) {
    this.binary = binary;
    this.postgresExtension = postgresExtension;
  }

  /** Where the binary is looked for: {@code $QUACKLAKE_DUCKDB}, else the shared peer folder. */
  public static Path binaryPath() {
    String env = System.getenv("QUACKLAKE_DUCKDB");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return GoldenLakes.repositoryRoot().resolve("../shared/peer/duckdb").normalize();
  }

  /**
   * The peer, without the postgres extension.
   *
   * @throws AssertionError when the binary is missing and {@code CI=true}; otherwise the test is
   *     aborted (skipped) with a line on stderr
   */
  public static DuckDbPeer require() {
    Path binary = binaryPath();
    if (!Files.isExecutable(binary)) {
      unavailable(
          "the DuckDB peer is not at "
              + binary
              + " (set QUACKLAKE_DUCKDB to a DuckDB CLI with the ducklake extension)");
    }
    return new DuckDbPeer(binary, null);
  }

  /**
   * The same peer loading the postgres extension before every call (run with {@code -unsigned}).
   *
   * @throws AssertionError when the extension is missing and {@code CI=true}; otherwise the test is
   *     aborted (skipped) with a line on stderr
   */
  public DuckDbPeer withPostgres() {
    Path extension = binary.resolveSibling(POSTGRES_EXTENSION).toAbsolutePath();
    if (!Files.isRegularFile(extension)) {
      unavailable("the DuckDB peer's postgres extension is not at " + extension);
    }
    return new DuckDbPeer(binary, extension);
  }

  /** Whether calls load the postgres extension. */
  public boolean hasPostgres() {
    return postgresExtension != null;
  }

  /**
   * Runs {@code sql} (one or more statements, stopping at the first error) with {@code duckdb
   * -batch -json -c SQL} in {@code workDir} (relative paths in the SQL resolve there), and returns
   * stdout: one JSON array per statement that has a result set. SQL too long for a command line
   * runs from a script file ({@code -bail -f}) instead.
   *
   * @throws AssertionError when DuckDB exits non-zero, reports an error on stderr or runs longer
   *     than {@link #TIMEOUT}; the message holds the SQL and stderr
   */
  public String run(Path workDir, String sql) {
    String script =
        hasPostgres() ? "LOAD " + SqlText.literal(postgresExtension.toString()) + ";\n" + sql : sql;
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-no-init", "-batch"));
    if (hasPostgres()) {
      command.add("-unsigned");
    }
    command.add("-json");
    Path scriptFile = script.length() > MAX_COMMAND_LINE_SQL ? writeScript(script) : null;
    try {
      if (scriptFile == null) {
        command.addAll(List.of("-c", script));
      } else {
        command.addAll(List.of("-bail", "-f", scriptFile.toString()));
      }
      PeerProcess.Outcome outcome = PeerProcess.run(command, workDir, TIMEOUT, script);
      if (outcome.exitCode() != 0 || outcome.stderr().contains("Error")) {
        throw new AssertionError(
            "DuckDB peer failed (exit "
                + outcome.exitCode()
                + ") in "
                + workDir
                + " running:\n"
                + script
                + "\nstderr:\n"
                + outcome.stderr());
      }
      return outcome.stdout();
    } finally {
      if (scriptFile != null) {
        deleteScript(scriptFile);
      }
    }
  }

  /**
   * The rows of the last statement that has a result set (empty when none has), as {@link #results}
   * gives them.
   */
  public List<Map<String, Object>> query(Path workDir, String sql) {
    List<List<Map<String, Object>>> all = results(workDir, sql);
    return all.isEmpty() ? List.of() : all.get(all.size() - 1);
  }

  /**
   * The rows of every statement that has a result set, in statement order. A query without rows
   * gives an empty list (this build prints {@code []}); ATTACH, CREATE, INSERT and the like print
   * nothing and have no entry. Values are as Jackson reads DuckDB's JSON: strings, numbers,
   * booleans, nested lists and maps, null.
   */
  public List<List<Map<String, Object>>> results(Path workDir, String sql) {
    String stdout = run(workDir, sql);
    List<List<Map<String, Object>>> out = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(stdout)) {
      while (parser.nextToken() != null) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : JSON.<JsonNode>readTree(parser)) {
          rows.add(JSON.convertValue(row, new TypeReference<LinkedHashMap<String, Object>>() {}));
        }
        out.add(rows);
      }
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          "DuckDB peer printed no JSON for:\n" + sql + "\nstdout:\n" + stdout, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * An ATTACH statement (no trailing semicolon) for a Quacklake catalog location: {@code
   * duckdb:PATH} as {@code ATTACH 'ducklake:PATH'}, {@code postgres:CONNINFO} as {@code ATTACH
   * 'ducklake:postgres:CONNINFO'} (only on a peer {@link #withPostgres()}).
   *
   * @param dataPath the DATA_PATH option, or null to use the one the catalog stores (DuckDB refuses
   *     a different one for an existing lake)
   * @throws IllegalArgumentException for a catalog the peer cannot attach, such as SQLite (the peer
   *     has no sqlite extension)
   * @throws IllegalStateException for a PostgreSQL catalog on a peer without the postgres extension
   */
  public String attach(String catalogLocation, String dataPath, String alias, boolean readOnly) {
    return attachment(catalogLocation).sql(alias, dataPath, false, readOnly, null);
  }

  /**
   * An ATTACH statement (no trailing semicolon) that creates a new lake at {@code ducklakeVersion}
   * ({@code DUCKLAKE_VERSION}, e.g. {@code 1.0}; null for the peer's default, {@code 1.1-dev1}),
   * read-write under {@code alias}.
   *
   * @throws IllegalArgumentException as {@link #attach}
   * @throws IllegalStateException as {@link #attach}
   */
  public String attachNew(
      String catalogLocation, String dataPath, String alias, String ducklakeVersion) {
    return attachment(catalogLocation).sql(alias, dataPath, false, false, null, ducklakeVersion);
  }

  /**
   * As {@link #attachNew(String, String, String, String)}, with more ATTACH options (such as {@code
   * DATA_INLINING_ROW_LIMIT 0} or {@code ENCRYPTED}) after DuckDB's own.
   */
  public String attachNew(
      String catalogLocation,
      String dataPath,
      String alias,
      String ducklakeVersion,
      String... moreOptions) {
    String attach = attachNew(catalogLocation, dataPath, alias, ducklakeVersion);
    if (moreOptions.length == 0) {
      return attach;
    }
    return attach.substring(0, attach.length() - 1) + ", " + String.join(", ", moreOptions) + ")";
  }

  /**
   * A read-only ATTACH statement that reads the lake the way {@code Lake.open(catalogLocation,
   * LakeOptions.dataPath(dataPath))} does: {@code dataPath}, when not null, replaces the stored
   * data path for this attachment ({@code OVERRIDE_DATA_PATH}).
   *
   * @param snapshotId the snapshot to pin ({@code SNAPSHOT_VERSION}), or null for the latest
   * @throws IllegalArgumentException as {@link #attach}
   * @throws IllegalStateException as {@link #attach}
   */
  public String attachForReading(
      String catalogLocation, String dataPath, String alias, Long snapshotId) {
    return attachment(catalogLocation).sql(alias, dataPath, true, true, snapshotId);
  }

  private PeerAttachment attachment(String catalogLocation) {
    PeerAttachment attachment = PeerAttachment.of(catalogLocation);
    if (attachment.needsPostgres() && !hasPostgres()) {
      throw new IllegalStateException(
          "a PostgreSQL catalog needs the postgres extension: use DuckDbPeer.require()"
              + ".withPostgres()");
    }
    return attachment;
  }

  private static Path writeScript(String script) {
    try {
      Path file = Files.createTempFile("duckdb-peer-", ".sql");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteScript(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(why + " (CI=true: a missing DuckDB peer fails the suite)");
    }
    System.err.println("SKIPPED (no DuckDB peer): " + why);
    Assumptions.abort(why);
  }

  @Override
  public String toString() {
    return "DuckDbPeer[" + binary + (hasPostgres() ? " + postgres" : "") + "]";
  }
}
