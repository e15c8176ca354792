package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.peer.DuckDbPeer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lakes DuckDB encrypts ({@code ENCRYPTED}): Quacklake cannot decrypt DuckDB's Parquet encryption
 * yet (it uses no AAD, which parquet-java's decryptor requires), so reading a file says so by name,
 * writing files is refused before anything is written, and the lake stays as DuckDB left it.
 */
class EncryptedLakesPeerTest {
  @TempDir Path temp;

  @Test
  void encryptedLakesFailClearlyAndLoseNothing() {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    String catalog = TestCatalogs.location("postgres", temp);
    peer.query(
        temp,
        "SET force_mbedtls_unsafe = 'true'; "
            + peer.attachNew(catalog, temp.resolve("data") + "/", "l", "1.0")
                .replace("DUCKLAKE_VERSION '1.0'", "DUCKLAKE_VERSION '1.0', ENCRYPTED")
            + "; CREATE TABLE l.t(id INT, s VARCHAR);"
            + " INSERT INTO l.t SELECT range, 'v' || range FROM range(100);");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.tables()).hasSize(1);
      assertThatThrownBy(() -> lake.table("t").scan().filter("id > 5").count())
          .isInstanceOf(QuacklakeException.class)
          .matches(e -> ((QuacklakeException) e).kind() == ErrorKind.UNSUPPORTED)
          .hasMessageContaining("is encrypted")
          .hasMessageContaining("read this lake with DuckDB");
      List<Map<String, ?>> rows = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        rows.add(Map.of("id", 1000 + i, "s", "q"));
      }
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.insert("t", rows);
                  tx.commit();
                }
              })
          .hasMessageContaining("this lake is encrypted");
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.planWrite("t");
                }
              })
          .as("files written elsewhere (Spark workers) are refused too")
          .hasMessageContaining("this lake is encrypted");
    }
    List<Map<String, Object>> after =
        peer.query(
            temp,
            "SET force_mbedtls_unsafe = 'true'; "
                + peer.attachForReading(catalog, null, "l", null)
                + "; SELECT count(*) AS n, max(id) AS top FROM l.t");
    assertThat(after.get(0)).containsEntry("n", 100).containsEntry("top", 99);
  }
}
