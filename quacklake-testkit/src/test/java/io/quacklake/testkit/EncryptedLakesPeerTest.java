package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.peer.DuckDbPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lakes DuckDB encrypts ({@code ENCRYPTED}: AES-GCM modules without AAD, a key per file in the
 * catalog): Quacklake reads what the peer wrote, writes data and delete files the peer reads, each
 * encrypted with its own key, and says clearly what it cannot encrypt yet (deletion vectors, files
 * written by remote tasks) or cannot decrypt (a changed file).
 */
class EncryptedLakesPeerTest {
  private static final String UNSAFE = "SET force_mbedtls_unsafe = 'true'; ";

  @TempDir Path temp;

  @ParameterizedTest(name = "DuckLake {0}")
  @ValueSource(strings = {"1.0", "1.1-dev1"})
  void quacklakeReadsAndWritesWhatDuckDbEncrypts(String version) {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    String catalog = TestCatalogs.location("postgres", temp);
    String data = temp.resolve("data") + "/";
    peer.query(
        temp,
        UNSAFE
            + peer.attachNew(catalog, data, "l", version, "ENCRYPTED", "DATA_INLINING_ROW_LIMIT 0")
            + "; CREATE TABLE l.t(id INT, s VARCHAR);"
            + " INSERT INTO l.t SELECT range, 'v' || range FROM range(1000);"
            + " DELETE FROM l.t WHERE id % 10 = 3;"
            + " UPDATE l.t SET s = 'u' WHERE id < 100;");
    assertThat(ours(catalog)).isEqualTo(theirs(peer, catalog));
    try (Lake lake = Lake.open(catalog)) {
      List<Map<String, ?>> rows = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        rows.add(Map.of("id", 1000 + i, "s", "q" + i));
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows);
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id % 7 = 0");
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.update("t", Map.of("s", "w"), "id > 1400 OR id < 50");
        tx.commit();
      }
    }
    List<String> afterQuacklake = ours(catalog);
    assertThat(afterQuacklake)
        .hasSize(
            (int)
                java.util.stream.IntStream.range(0, 1500)
                    .filter(i -> !(i < 1000 && i % 10 == 3) && i % 7 != 0)
                    .count())
        .contains("1401|w", "1399|q399", "8|w", "99|u", "100|v100");
    assertThat(theirs(peer, catalog)).isEqualTo(afterQuacklake);
    assertThat(parquetFiles()).hasSizeGreaterThan(4).allSatisfy(this::assertEncrypted);
    peer.query(
        temp,
        UNSAFE
            + peer.attachNew(catalog, data, "l", null)
            + "; INSERT INTO l.t VALUES (5000, 'duck'); DELETE FROM l.t WHERE id = 1001;");
    assertThat(ours(catalog)).isEqualTo(theirs(peer, catalog)).contains("5000|duck");
  }

  @Test
  void aChangedFileIsCorruptByNameAndDeletionVectorsAndRemoteWritesAreRefused() throws IOException {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    peer.query(
        temp,
        UNSAFE
            + "ATTACH 'ducklake:"
            + catalog
            + "' AS l (DATA_PATH '"
            + temp.resolve("data")
            + "/', ENCRYPTED, DATA_INLINING_ROW_LIMIT 0);"
            + " CREATE TABLE l.t(id INT, s VARCHAR);"
            + " INSERT INTO l.t SELECT range, 'v' || range FROM range(100);");
    try (Lake lake = Lake.open("duckdb:" + catalog)) {
      lake.setOption("write_deletion_vectors", "true");
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.delete("t", "id < 50");
                  tx.commit();
                }
              })
          .isInstanceOf(QuacklakeException.class)
          .matches(e -> ((QuacklakeException) e).kind() == ErrorKind.UNSUPPORTED)
          .hasMessageContaining("does not encrypt deletion vectors");
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.planWrite("t");
                }
              })
          .hasMessageContaining("remote tasks");
      assertThat(lake.table("t").scan().count()).isEqualTo(100);
    }
    Path file = parquetFiles().get(0);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(file, bytes);
    try (Lake lake = Lake.open("duckdb:" + catalog)) {
      assertThatThrownBy(() -> lake.table("t").scan().filter("id > 5").count())
          .isInstanceOf(QuacklakeException.class)
          .matches(e -> ((QuacklakeException) e).kind() == ErrorKind.CORRUPT)
          .hasMessageContaining("cannot decrypt Parquet file")
          .hasMessageContaining(file.getFileName().toString());
    }
  }

  private List<Path> parquetFiles() {
    try (Stream<Path> files = Files.walk(temp.resolve("data"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertEncrypted(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      assertThat(new String(in.readNBytes(4), StandardCharsets.US_ASCII))
          .as("%s begins with the magic of encrypted Parquet", file)
          .isEqualTo("PARE");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> ours(String catalog) {
    List<String> out = new ArrayList<>();
    try (Lake lake = Lake.open(catalog);
        RowIterator rows = lake.table("t").scan().rows()) {
      rows.forEachRemaining(r -> out.add(r.get("id") + "|" + r.get("s")));
    }
    return out.stream().sorted().toList();
  }

  private List<String> theirs(DuckDbPeer peer, String catalog) {
    return peer
        .query(
            temp,
            UNSAFE
                + peer.attachForReading(catalog, null, "l", null)
                + "; SELECT id || '|' || s AS r FROM l.t")
        .stream()
        .map(r -> String.valueOf(r.get("r")))
        .sorted()
        .toList();
  }
}
