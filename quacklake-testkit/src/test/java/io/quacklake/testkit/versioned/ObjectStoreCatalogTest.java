package io.quacklake.testkit.versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.ErrorKind;
import io.quacklake.Lake;
import io.quacklake.QuacklakeException;
import io.quacklake.Transaction;
import io.quacklake.text.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
