package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quacklake and the DuckDB peer commit in turn to one DuckLake 1.0 lake, each on top of the other's
 * snapshots: inlined and Parquet appends, deletes and updates of the other's rows, and schema
 * changes (added, renamed and widened columns, a new table). After every step both read the same
 * rows in every table at every snapshot.
 */
class MixedWritersTest {
  @TempDir Path temp;

  private DuckDbPeer peer;
  private String catalog;
  private int steps;

  /**
   * On PostgreSQL, and on a DuckDB file that Quacklake created (Quacklake's handle is closed before
   * every peer call: a DuckDB file is open in one process at a time; the file is rewritten at
   * Quacklake's storage version after every peer step, see {@link
   * #keepDuckDbFileReadableToThePeer}). Eight steps, four per writer; a Quacklake step is one to
   * three transactions (a schema change commits before rows change), a peer step one transaction.
   */
  @ParameterizedTest(name = "{0} catalog created by Quacklake")
  @ValueSource(strings = {"postgres", "duckdb"})
  void quacklakeAndThePeerCommitInTurnAndReadTheSameRows(String kind) {
    peer = kind.equals("postgres") ? DuckDbPeer.require().withPostgres() : DuckDbPeer.require();
    catalog = TestCatalogs.location(kind, temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable(
          "main.events",
          ColumnDefinitions.parse("id INTEGER, name VARCHAR, qty INTEGER, small SMALLINT"));
    }
    quacklake(
        tx -> tx.insert("events", rows(1, 4, "q")), // inlined
        tx -> tx.insert("events", rows(300, 700, "q"))); // a Parquet file
    peer(
        "INSERT INTO lake.main.events SELECT i, 'p' || i, i * 2, (i % 100)::SMALLINT"
            + " FROM range(10, 210) t(i);" // a Parquet file
            + " UPDATE lake.main.events SET name = upper(name), qty = qty + 1"
            + " WHERE id < 20 OR id BETWEEN 300 AND 305;" // inlined and both writers' files
            + " DELETE FROM lake.main.events WHERE id = 2"); // Quacklake's inlined row
    quacklake(
        tx ->
            tx.delete(
                "events",
                "id IN (1, 10, 20, 30, 100, 200, 300, 310, 400, 690)"
                    + " OR id BETWEEN 150 AND 159 OR id BETWEEN 600 AND 609"),
        tx -> tx.addColumn("events", ColumnDefinitions.parse("score DOUBLE").get(0)),
        tx -> tx.insert("events", List.of(Map.of("id", 1000, "name", "q1000", "score", 0.25))));
    peer(
        "ALTER TABLE lake.main.events RENAME COLUMN name TO label;"
            + " INSERT INTO lake.main.events (id, label, qty, score) VALUES"
            + " (1100, 'peer inlined', 5, 0.5), (1101, NULL, NULL, -1.0);"
            + " ALTER TABLE lake.main.events ALTER COLUMN small SET DATA TYPE INTEGER");
    quacklake(
        tx -> tx.setColumnType("events", "qty", LakeType.of(TypeId.INT64)),
        tx -> {
          List<Map<String, Object>> big = new ArrayList<>();
          for (long i = 2000; i < 2050; i++) {
            big.add(Map.of("id", i, "label", "big" + i, "qty", i * 5_000_000_000L));
          }
          big.add(Map.of("id", 2100L, "small", 70_000L)); // the widened small
          tx.insert("events", big); // a Parquet file with the wider types
        },
        tx -> tx.renameColumn("events", "score", "weight"));
    peer(
        "ALTER TABLE lake.main.events ADD COLUMN note VARCHAR DEFAULT 'n/a';"
            + " ALTER TABLE lake.main.events ADD COLUMN span INTERVAL;"
            + " ALTER TABLE lake.main.events ADD COLUMN clock TIME;"
            + " INSERT INTO lake.main.events (id, small, qty, weight, span, clock) VALUES"
            + " (1200, 100000, 9000000000, 1.5, INTERVAL '1 year 2 months 3 days 04:05:06.789',"
            + " TIME '23:59:59.999999'), (1201, -100000, NULL, NULL, NULL, NULL);"
            + " DELETE FROM lake.main.events WHERE id BETWEEN 300 AND 320 OR id = 2001;"
            + " UPDATE lake.main.events SET weight = coalesce(weight, 0) * 2, small = small + 1"
            + " WHERE id % 7 = 0;"
            + " CREATE TABLE lake.main.tags AS SELECT range::INTEGER AS k, 'tag' || range AS v"
            + " FROM range(5)");
    Map<String, Object> set = new HashMap<>();
    set.put("note", "by quacklake");
    set.put("weight", 9.5);
    set.put("span", new Interval(1, 2, 3_000_001_000L));
    set.put("clock", LocalTime.of(0, 0, 0, 1_000));
    Map<String, Object> oneRow = new HashMap<>();
    oneRow.put("id", 1300);
    oneRow.put("span", new Interval(0, 1, 1_000L));
    oneRow.put("clock", LocalTime.of(1, 2, 3, 4_000));
    quacklake(
        tx -> {
          tx.update("events", set, "id < 10 OR id >= 1100");
          tx.delete("events", "id = 1000 OR label IS NULL");
          tx.insert("tags", List.of(Map.of("k", 5, "v", "q5"), Map.of("k", 6, "v", "q6")));
          tx.update("tags", Map.of("v", "q"), "k IN (1, 6)");
        },
        // inlined into the table the peer made (on PostgreSQL: its own interval and time columns)
        tx -> tx.insert("events", List.of(oneRow)));
    peer(
        "UPDATE lake.main.tags SET v = 'peer' WHERE k IN (1, 5);"
            + " UPDATE lake.main.events SET span = span + INTERVAL 36 HOUR WHERE id = 1200;"
            + " INSERT INTO lake.main.events (id, note) VALUES (3000, 'last')");
    assertThat(steps).isEqualTo(8);
  }

  /**
   * Known finding, pinned: the peer's ducklake extension attaches a DuckDB catalog file read-write
   * at its latest storage version, v2.0.0+ (a file it creates, and a v1.5.0 file Quacklake created
   * once the peer has written to it); after Quacklake (DuckDB JDBC 2.0.0.1) writes to such a file,
   * this peer build cannot attach it any more. Quacklake still reads it. When this test fails
   * because the peer attaches the file, the finding is gone: compare the lake instead, and drop
   * {@link #keepDuckDbFileReadableToThePeer}.
   */
  @ParameterizedTest(name = "DuckDB file created by {0}")
  @ValueSource(strings = {"the peer", "Quacklake"})
  void peerCannotAttachADuckDbFileItUpgradedOnceQuacklakeWroteToIt(String creator) {
    peer = DuckDbPeer.require();
    Path file = temp.resolve("lake.ducklake");
    catalog = "duckdb:" + file;
    String dataPath = temp.resolve("data") + "/";
    String create =
        "CREATE TABLE lake.main.t (id INTEGER); INSERT INTO lake.main.t VALUES (1), (2);";
    if (creator.equals("the peer")) {
      peer.run(temp, peer.attachNew(catalog, dataPath, "lake", "1.0") + "; " + create);
    } else {
      try (Lake lake = Lake.create(catalog, dataPath)) {
        lake.createTable("main.t", ColumnDefinitions.parse("id INTEGER"));
      }
      assertThat(storageVersion(file)).isEqualTo("v1.5.0+");
      peer.run(
          temp,
          peer.attach(catalog, null, "lake", false) + "; INSERT INTO lake.main.t VALUES (1), (2);");
    }
    assertThat(storageVersion(file)).isEqualTo("v2.0.0+");
    try (Lake lake = Lake.open(catalog)) {
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 3)));
        tx.commit();
      }
    }
    Throwable failure =
        catchThrowable(
            () ->
                peer.run(
                    temp,
                    peer.attach(catalog, null, "lake", true)
                        + "; SELECT count(*) FROM lake.main.t;"));
    assertThat(failure)
        .as(
            "known finding: this peer build cannot attach a DuckDB catalog file at storage v2.0.0+"
                + " once DuckDB JDBC 2.0.0.1 (Quacklake) wrote to it; if the peer now attaches it,"
                + " the finding is gone and this test should compare the lake instead")
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Serialization Error")
        .hasMessageContaining(
            "Failed to deserialize: expected end of object, but found field id: 106");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(3);
    }
  }

  /** The storage version of a DuckDB file as the peer reports it, e.g. {@code v1.5.0+}. */
  private String storageVersion(Path file) {
    return (String)
        peer.query(
                temp,
                "ATTACH "
                    + SqlText.literal(file.toString())
                    + " AS f (READ_ONLY); SELECT tags['storage_version'] AS v FROM duckdb_databases()"
                    + " WHERE database_name = 'f';")
            .get(0)
            .get("v");
  }

  /**
   * Quacklake transactions, each committed (a schema change is committed before rows change), with
   * the lake closed afterwards; then a comparison.
   */
  @SafeVarargs
  private void quacklake(Consumer<Transaction>... transactions) {
    try (Lake lake = Lake.open(catalog)) {
      for (Consumer<Transaction> work : transactions) {
        try (Transaction tx = lake.begin()) {
          work.accept(tx);
          tx.commit();
        }
      }
    }
    compare();
  }

  /**
   * Statements run by the peer in one process and one transaction (one snapshot); then a
   * comparison, and on a DuckDB file the storage version put back (see {@link
   * #keepDuckDbFileReadableToThePeer}).
   */
  private void peer(String sql) {
    peer.run(temp, peer.attach(catalog, null, "lake", false) + ";\nBEGIN;\n" + sql + ";\nCOMMIT;");
    compare();
    keepDuckDbFileReadableToThePeer();
  }

  /**
   * The peer's ducklake extension attaches a DuckDB catalog file read-write at its latest storage
   * version ({@code STORAGE_VERSION 'latest'}), upgrading Quacklake's v1.5.0 file to v2.0.0+; once
   * Quacklake (DuckDB JDBC 2.0.0.1) writes to such a file this peer build can no longer attach it
   * (the finding {@link #peerCannotAttachADuckDbFileItUpgradedOnceQuacklakeWroteToIt} pins). So
   * after every peer step, once both have read the upgraded file, the peer copies the catalog into
   * a v1.5.0 file that replaces it: the same lake, in a storage both can write.
   */
  private void keepDuckDbFileReadableToThePeer() {
    if (!catalog.startsWith("duckdb:")) {
      return;
    }
    Path file = Path.of(catalog.substring("duckdb:".length()));
    Path copy = file.resolveSibling(file.getFileName() + ".v1.5.0");
    peer.run(
        temp,
        "ATTACH "
            + SqlText.literal(file.toString())
            + " AS upgraded (READ_ONLY); ATTACH "
            + SqlText.literal(copy.toString())
            + " AS copy (STORAGE_VERSION 'v1.5.0'); COPY FROM DATABASE upgraded TO copy;");
    try {
      Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void compare() {
    steps++;
    assertThat(new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null)))
        .as("tables compared after step %d", steps)
        .isPositive();
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the first columns of events. */
  private static List<Map<String, Object>> rows(int from, int to, String prefix) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", i);
      row.put("name", i % 9 == 4 ? null : prefix + i);
      row.put("qty", i * 3);
      row.put("small", i % 50);
      out.add(row);
    }
    return out;
  }
}
