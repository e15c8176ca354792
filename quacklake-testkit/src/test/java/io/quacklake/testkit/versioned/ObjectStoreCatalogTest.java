package io.quacklake.testkit.versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.CatalogGarbageReport;
import io.quacklake.CatalogVersion;
import io.quacklake.CatalogVersions;
import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SupportsConditionalWrites;
import io.quacklake.testkit.ForwardingObjectStore;
import io.quacklake.types.ColumnDefinitions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lake whose catalog lives in the store itself ({@code file://}), versions as manifests. */
class ObjectStoreCatalogTest {
  @TempDir Path temp;

  private String location() {
    return temp.resolve("lake").toUri().toString();
  }

  private static List<Map<String, Object>> rows(long from, long to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(Map.of("id", i, "name", "n" + i));
    }
    return out;
  }

  @Test
  void createWriteReadAndReopen() throws Exception {
    try (Lake lake = Lake.create(location(), null)) {
      assertThat(lake.dataPath()).isEqualTo(location() + "data/");
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(0, 1000));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id < 100");
        tx.commit();
      }
      assertThat(lake.table("t").scan().count()).isEqualTo(900);
    }
    try (Lake lake = Lake.open(location())) {
      assertThat(lake.snapshots()).hasSize(4);
      assertThat(lake.table("t").scan().count()).isEqualTo(900);
      assertThat(lake.table("t").scan().asOf(2).count()).isEqualTo(1000);
    }
    try (Stream<Path> manifests = Files.list(temp.resolve("lake/catalog/versions"))) {
      assertThat(manifests.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(
              "00000000000000000001.manifest",
              "00000000000000000002.manifest",
              "00000000000000000003.manifest",
              "00000000000000000004.manifest");
    }
  }

  @Test
  void twoLakesOnOneLocationCommitInTurnAndSeeEachOther() {
    try (Lake a = Lake.create(location(), null)) {
      a.createTable("t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
    }
    try (Lake a = Lake.open(location());
        Lake b = Lake.open(location())) {
      try (Transaction ta = a.begin();
          Transaction tb = b.begin()) {
        ta.insert("t", rows(0, 50));
        tb.insert("t", rows(50, 120));
        ta.commit();
        tb.commit();
      }
      try (Transaction tb = b.begin()) {
        tb.insert("t", rows(120, 130));
        tb.commit();
      }
      assertThat(b.table("t").scan().count()).isEqualTo(130);
      assertThat(b.snapshots()).extracting(s -> s.id()).containsExactly(0L, 1L, 2L, 3L, 4L);
    }
  }

  @Test
  void creatingTwiceOrOpeningNothingIsAClearError() {
    try (Lake lake = Lake.create(location(), null)) {
      assertThat(lake.snapshots()).hasSize(1);
    }
    assertThatThrownBy(() -> Lake.create(location(), null))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
    assertThatThrownBy(() -> Lake.open(temp.resolve("nothing").toUri().toString()))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("quacklake init")
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void restoreExportAndGarbageCollection() throws Exception {
    try (Lake lake = Lake.create(location(), null)) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
      for (int i = 0; i < 3; i++) {
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows(i * 100, i * 100 + 100));
          tx.commit();
        }
      }
      CatalogVersions versions = lake.catalogVersions();
      assertThat(versions.history())
          .extracting(CatalogVersion::snapshotId)
          .containsExactly(0L, 1L, 2L, 3L, 4L);
      CatalogVersion restored = versions.restore(3);
      assertThat(restored.version()).isEqualTo(6);
      assertThat(restored.snapshotId()).isEqualTo(2);
      assertThat(lake.table("t").scan().count()).isEqualTo(100);
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(1000, 1005));
        assertThat(tx.commit().id()).isEqualTo(3);
      }
      Path export = temp.resolve("export.sqlite");
      versions.export(export);
      try (Lake copy = Lake.open("sqlite:" + export)) {
        assertThat(copy.table("t").scan().count()).isEqualTo(105);
        assertThat(copy.snapshots()).hasSize(4);
      }
      assertThatThrownBy(() -> versions.export(export))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("exists");
      CatalogGarbageReport none =
          versions.collectGarbage(Duration.ofDays(1), Duration.ofHours(1), Instant.now());
      assertThat(none.versionsDeleted()).isZero();
      assertThat(none.blocksDeleted()).isZero();
      CatalogGarbageReport all =
          versions.collectGarbage(Duration.ZERO, Duration.ZERO, Instant.now().plusSeconds(1));
      assertThat(all.versionsDeleted()).isEqualTo(6);
      assertThat(all.versionsKept()).isEqualTo(1);
      assertThat(all.blocksDeleted()).isPositive();
    }
    try (Lake lake = Lake.open(location())) {
      assertThat(lake.table("t").scan().count()).isEqualTo(105);
      assertThat(lake.catalogVersions().history()).hasSize(1);
    }
  }

  @Test
  void damagedBlockIsCorruptAndNamesTheBlock() throws Exception {
    String needed;
    try (Lake lake = Lake.create(location(), null)) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT"));
      needed = lake.catalogVersions().current().blocks().get(0);
    }
    Path block = temp.resolve("lake/catalog/blocks").resolve(needed);
    Files.write(block, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> Lake.open(location()))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining(block.getFileName().toString())
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT));
  }

  @Test
  void storeThatIgnoresConditionalCreatesIsRefused() {
    ObjectStores.decorate(OverwritingStore::new);
    try {
      assertThatThrownBy(() -> Lake.create(location(), null))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("does not enforce conditional creates")
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNSUPPORTED));
    } finally {
      ObjectStores.decorate(UnaryOperator.identity());
    }
  }

  @Test
  void otherCatalogsHaveNoVersions() {
    try (Lake lake = Lake.create("sqlite:" + temp.resolve("c.sqlite"), temp.toString())) {
      assertThatThrownBy(lake::catalogVersions)
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("not an object-store catalog");
    }
  }

  /** A store whose "conditional" create overwrites, as stores that ignore If-None-Match do. */
  private static final class OverwritingStore extends ForwardingObjectStore
      implements SupportsConditionalWrites {
    OverwritingStore(ObjectStore delegate) {
      super(delegate);
    }

    @Override
    public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
      delegate.delete(location);
      try (OutputStream out = delegate.newOutputFile(location)) {
        out.write(content);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another racer's delete-then-write got in between: it still "succeeded"
      }
      return CreateOutcome.CREATED;
    }
  }
}
