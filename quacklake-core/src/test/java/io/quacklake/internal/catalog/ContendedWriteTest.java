package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog write that loses the race for the next catalog version to another writer (here: a
 * second handle on the same object-store catalog publishing in between) is run again from the
 * start, and one that loses every time fails as a CONFLICT that changed nothing.
 */
class ContendedWriteTest {
  @TempDir Path dir;

  private CatalogLocation lake() {
    String root = dir.resolve("lake").toUri().toString();
    Lake.create(root, dir.resolve("data").toUri().toString()).close();
    return CatalogLocation.parse(root);
  }

  @Test
  void aWriteThatLostTheRaceRunsAgainOnTheNewVersion() {
    CatalogLocation location = lake();
    AtomicInteger runs = new AtomicInteger();
    try (CatalogConnection mine = CatalogConnection.open(location);
        CatalogConnection other = CatalogConnection.open(location)) {
      mine.write(
          "setting option a",
          c -> {
            if (runs.incrementAndGet() == 1) {
              other.write(
                  "setting option b",
                  o -> {
                    MetadataWrites.setGlobal(o, "b", "2");
                    return null;
                  });
            }
            MetadataWrites.setGlobal(c, "a", "1");
            return null;
          });
    }
    assertThat(runs).hasValue(2);
    try (Lake reopened = Lake.open(location.target())) {
      assertThat(reopened.catalogOptions()).containsEntry("a", "1").containsEntry("b", "2");
    }
  }

  @Test
  void aWriteThatAlwaysLosesIsAConflictThatChangedNothing() {
    CatalogLocation location = lake();
    AtomicInteger runs = new AtomicInteger();
    try (CatalogConnection mine = CatalogConnection.open(location);
        CatalogConnection other = CatalogConnection.open(location)) {
      assertThatThrownBy(
              () ->
                  mine.write(
                      "setting option a",
                      c -> {
                        int run = runs.incrementAndGet();
                        other.write(
                            "setting option b",
                            o -> {
                              MetadataWrites.setGlobal(o, "b", Integer.toString(run));
                              return null;
                            });
                        MetadataWrites.setGlobal(c, "a", "1");
                        return null;
                      }))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CONFLICT))
          .hasMessageContaining("setting option a lost to other writers");
    }
    assertThat(runs).hasValue(CatalogConnection.WRITE_ATTEMPTS);
    try (Lake reopened = Lake.open(location.target())) {
      assertThat(reopened.catalogOptions())
          .doesNotContainKey("a")
          .containsEntry("b", Integer.toString(CatalogConnection.WRITE_ATTEMPTS));
    }
  }
}
