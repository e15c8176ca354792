package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.TableName;
import io.quacklake.testkit.ExpectedRows;
import io.quacklake.testkit.GoldenLakes;
import io.quacklake.testkit.GoldenManifest;
import io.quacklake.testkit.RenderedResult;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The peer's reading renders values exactly as the golden expected files do, so a comparison with
 * the peer means what a golden comparison means. Quacklake's own agreement with these files is
 * {@code GoldenLakeTest}'s; here a few lakes cover every type ({@code types}), renamed and added
 * columns ({@code evolution}), several schemas ({@code multi_schema}) and DuckLake 1.1-dev1 ({@code
 * v11}).
 */
class PeerGoldenLakesTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"types", "evolution", "multi_schema", "v11"})
  void peerReadsEveryTableAtEverySnapshotAsTheExpectedFile(String name) {
    Path dir = GOLDEN.resolve(name);
    LakeLocation lake =
        new LakeLocation("duckdb:" + dir.resolve("catalog.ducklake"), dir.resolve("data") + "/");
    LakeReading reading = new PeerReader(DuckDbPeer.require(), temp).read(lake);
    GoldenManifest manifest = GoldenManifest.read(dir);
    assertThat(reading.snapshotIds())
        .containsExactlyElementsOf(
            manifest.snapshots().stream().map(GoldenManifest.SnapshotEntry::snapshotId).toList());
    assertThat(reading.tables()).hasSameSizeAs(manifest.expected());
    for (GoldenManifest.ExpectedTable e : manifest.expected()) {
      SnapshotTable key = new SnapshotTable(e.snapshot(), new TableName(e.schema(), e.table()));
      RenderedResult peer = reading.tables().get(key);
      assertThat(peer).as("%s read by the peer", key).isNotNull();
      ExpectedRows expected = ExpectedRows.read(dir.resolve(e.file()));
      assertThat(peer.columns()).as("columns of %s", key).isEqualTo(expected.columns());
      assertThat(RenderedResult.sorted(peer.rows()))
          .as("rows of %s", key)
          .containsExactlyElementsOf(RenderedResult.sorted(expected.rows()));
    }
  }
}
