package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.testkit.GoldenLakes;
import io.quacklake.testkit.TestCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DuckDB writes lakes into PostgreSQL through its own postgres extension, at DuckLake 1.0 and at
 * its default version (1.1-dev1), and Quacklake reads every table at every snapshot exactly as the
 * peer does: every golden scenario script replayed, and every type of the golden {@code types} lake
 * through deletes, updates and inlined rows.
 */
class PeerPostgresLakesTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden");

  /** The versions a lake is written at; the second is the peer's default (no DUCKLAKE_VERSION). */
  private static final List<String> VERSIONS = List.of("1.0", "1.1-dev1");

  /** After {@code types.sql}: deletes, updates and inlined inserts of every type, and NULLs. */
  private static final String TYPES_CHANGES =
      """
      DELETE FROM lake.main.all_types WHERE id = 2 OR id % 250 = 0;
      UPDATE lake.main.all_types SET s = 'updated ' || id, tstz = TIMESTAMPTZ '2001-02-03 04:05:06.5+00',
        l = [id, NULL], st = {'a': id, 'b': 'u'}, m = MAP {'u': 1}, iv = INTERVAL 36 HOUR,
        d3 = -0.0000000001, ts_ns = TIMESTAMP_NS '1969-12-31 23:59:59.999999999'
        WHERE id IN (1, 3, 4, 10, 11, 1999);
      INSERT INTO lake.main.all_types SELECT * REPLACE (id + 3000 AS id) FROM lake.main.all_types
        WHERE id <= 4;
      INSERT INTO lake.main.all_types (id) VALUES (4000);
      UPDATE lake.main.all_types SET u = NULL, bl = '\\x01\\x02'::BLOB, u64 = 18446744073709551615,
        nested = {'tags': ['n', NULL], 'point': NULL}, j = '{"k":[true,false]}'
        WHERE id IN (3001, 4000);
      DELETE FROM lake.main.all_types WHERE id = 3004;
      """;

  @TempDir Path temp;

  /**
   * Every golden script but {@code types.sql}, which {@link
   * #everyTypeWithNullsDeletesUpdatesAndInlinedRowsReadsTheSame} replays with more changes after it
   * (every snapshot of the replay is compared there).
   */
  static Stream<Arguments> goldenScripts() {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      List<String> names =
          dirs.map(d -> d.getFileName().toString())
              .filter(n -> Files.isRegularFile(script(n)) && !n.equals("types"))
              .sorted()
              .toList();
      assertThat(names).as("golden scripts under %s", GOLDEN).isNotEmpty();
      return names.stream().flatMap(n -> VERSIONS.stream().map(v -> Arguments.of(n, v)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}.sql at DuckLake {1}")
  @MethodSource("goldenScripts")
  void goldenScriptWrittenIntoPostgresByThePeerReadsTheSame(String name, String version)
      throws IOException {
    assertThat(writeAndCompare(version, Files.readString(script(name)))).isPositive();
  }

  @ParameterizedTest(name = "types.sql with deletes, updates and inlined rows at DuckLake {0}")
  @ValueSource(strings = {"1.0", "1.1-dev1"})
  void everyTypeWithNullsDeletesUpdatesAndInlinedRowsReadsTheSame(String version)
      throws IOException {
    String types = Files.readString(script("types"));
    // all_types at the create, the two golden inserts and each of the six changes
    assertThat(writeAndCompare(version, types + TYPES_CHANGES)).isEqualTo(9);
  }

  /**
   * Runs {@code sql} with the peer in one process on a new PostgreSQL lake attached as {@code
   * lake}, then compares every table at every snapshot.
   */
  private int writeAndCompare(String version, String sql) {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    String catalog = TestCatalogs.location("postgres", temp);
    String dataPath = temp.resolve("data") + "/";
    String attach =
        peer.attachNew(catalog, dataPath, "lake", version.equals("1.0") ? version : null);
    peer.run(temp, attach + ";\n" + sql);
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.specVersion()).isEqualTo(version);
    }
    return new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
  }

  private static Path script(String name) {
    return GOLDEN.resolve(name).resolve(name + ".sql");
  }
}
