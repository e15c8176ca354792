package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.testkit.RenderedResult;
import java.nio.file.Path;

/**
 * Checks that Quacklake reads a lake exactly as the DuckDB peer does: the same snapshot ids, the
 * same tables at each snapshot, and for every table at every snapshot the same column names and the
 * same rows as a multiset, values rendered as the golden expected files render them (DuckDB's
 * {@code CAST(value AS VARCHAR)}, {@code to_json} for nested values; see {@link RenderedResult}).
 *
 * <p>Quacklake reads first and closes the lake before the peer attaches it (a DuckDB-file catalog
 * can be open in one process at a time). The peer runs two processes per comparison; which tables
 * exist at a snapshot it takes from the catalog's rows by the DuckLake rule (see {@code
 * PeerReader}), their columns and rows are its own answers.
 */
public final class PeerLakeComparison {
  private final DuckDbPeer peer;
  private final Path workDir;

  /**
   * @param peer the peer; the postgres extension is added when a PostgreSQL catalog is compared
   * @param workDir where the peer runs (relative paths in catalog locations resolve there)
   */
  public PeerLakeComparison(DuckDbPeer peer, Path workDir) {
    this.peer = peer;
    this.workDir = workDir;
  }

  /**
   * Compares one lake as both readers see it.
   *
   * @return how many tables-at-snapshots were compared
   * @throws AssertionError at the first difference, naming the table and snapshot and showing how
   *     each side read it (the peer's SQL)
   */
  public int assertSameRows(LakeLocation lake) {
    return assertSameRows(lake, lake);
  }

  /**
   * Compares what the peer reads in {@code peerReads} with what Quacklake reads in {@code
   * quacklakeReads} (the same lake, or a copy of it), the peer's answer being the expected one.
   *
   * @return how many tables-at-snapshots were compared
   * @throws AssertionError at the first difference, naming the table and snapshot and showing how
   *     each side read it (the peer's SQL)
   */
  public int assertSameRows(LakeLocation peerReads, LakeLocation quacklakeReads) {
    LakeReading ours = QuacklakeReader.read(quacklakeReads);
    LakeReading theirs = new PeerReader(peer, workDir).read(peerReads);
    assertThat(ours.snapshotIds())
        .as("snapshot ids read by Quacklake (actual) and the DuckDB peer (expected)")
        .isEqualTo(theirs.snapshotIds());
    for (long id : theirs.snapshotIds()) {
      assertThat(ours.tablesAt(id))
          .as("tables at snapshot %d read by Quacklake (actual) and the DuckDB peer (expected)", id)
          .isEqualTo(theirs.tablesAt(id));
    }
    theirs
        .tables()
        .forEach(
            (key, expected) -> {
              RenderedResult actual = ours.tables().get(key);
              String context =
                  key
                      + "\n  peer: "
                      + theirs.howRead().get(key)
                      + "\n  Quacklake: "
                      + ours.howRead().get(key)
                      + "\n";
              assertThat(actual.columns())
                  .as("columns of %s", context)
                  .isEqualTo(expected.columns());
              assertThat(RenderedResult.sorted(actual.rows()))
                  .as("rows of %s", context)
                  .containsExactlyElementsOf(RenderedResult.sorted(expected.rows()));
            });
    return theirs.tables().size();
  }
}
