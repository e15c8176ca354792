package io.quacklake.testkit.versioned;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.internal.catalog.versioned.CatalogManifest;
import io.quacklake.internal.catalog.versioned.VersionedCatalog;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that prepared its commit on version N and wakes up after another writer published N+1
 * loses the race: it can neither overwrite N+1 nor fork history, and after a refresh it builds on
 * N+1.
 */
class StalledWriterTest {
  @TempDir Path temp;

  @Test
  void aWriterThatWakesUpLateLosesTheRaceAndForksNothing() {
    Location root = Location.directory(temp.resolve("lake").toUri().toString());
    try (Lake lake = Lake.create(root.value(), null)) {
      assertThat(lake.snapshots()).hasSize(1);
    }
    try (VersionedCatalog early = VersionedCatalog.open(new LocalObjectStore(), root);
        VersionedCatalog late = VersionedCatalog.open(new LocalObjectStore(), root)) {
      Path stalled = late.prepareWrite();
      Path prompt = early.prepareWrite();
      assertThat(early.publish(prompt, 0)).isEqualTo(VersionedCatalog.Published.PUBLISHED);
      CatalogManifest winner = early.manifest();
      assertThat(late.publish(stalled, 0)).isEqualTo(VersionedCatalog.Published.LOST_RACE);
      assertThat(late.manifest().version()).isEqualTo(1);
      assertThat(late.refresh()).isTrue();
      assertThat(late.manifest()).isEqualTo(winner);
      Path retry = late.prepareWrite();
      assertThat(late.publish(retry, 0)).isEqualTo(VersionedCatalog.Published.PUBLISHED);
      assertThat(late.history()).extracting(CatalogManifest::version).containsExactly(1L, 2L, 3L);
      assertThat(late.history().get(1).writer()).isEqualTo(winner.writer());
    }
  }
}
