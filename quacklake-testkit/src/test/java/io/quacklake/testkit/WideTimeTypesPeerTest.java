package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.ColumnDefinitions;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HUGEINT} (int128), {@code TIMETZ} and {@code TIME_NS} in lakes both engines write: the
 * extremes, negative values, offsets and nanoseconds read alike in files and inlined rows.
 */
class WideTimeTypesPeerTest {
  @TempDir Path temp;

  private static final String COLUMNS = "id INTEGER, h HUGEINT, tz TIMETZ, tn TIME_NS";

  @Test
  void writtenHereReadByDuckDb() {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("t", ColumnDefinitions.parse(COLUMNS));
      List<Map<String, Object>> rows =
          List.of(
              row(1, BigInteger.ONE.shiftLeft(100), "23:59:59.999999+15:59", "23:59:59.999999999"),
              row(2, new BigInteger("-12345678901234567"), "00:00-15:59", "00:00:00.000000001"),
              row(3, BigInteger.valueOf(-42), "12:30:00.5+05:30", "12:30:00.123456789"),
              row(4, null, null, null));
      for (int batch = 0; batch < 2; batch++) {
        try (Transaction tx = lake.begin()) {
          // the first batch is inlined (4 rows), the second written to a file
          tx.insert("t", batch == 0 ? rows : repeat(rows, 5));
          tx.commit();
        }
      }
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
  }

  @Test
  void writtenByDuckDbReadHere() {
    // a DuckDB-file catalog (read here only): the peer cannot create TIME_NS inlined tables in
    // PostgreSQL ("type time_ns does not exist"), and fails to commit TIMETZ values to files (its
    // statistics cast them to "00:00:00.001502-295:32:49"); TIMETZ is checked the other way only
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("peer.ducklake");
    peer.query(
        temp,
        peer.attachNew("duckdb:" + catalog, temp.resolve("data") + "/", "l", "1.0")
            + ";"
            + " CREATE TABLE l.t(id INTEGER, h HUGEINT, tn TIME_NS);"
            + " INSERT INTO l.t VALUES (1, 1267650600228229401496703205376, '23:59:59.999999999'),"
            + " (2, -12345678901234567, '00:00:00.000000001'), (3, -42, '12:30:00.123456789'),"
            + " (4, NULL, NULL);"
            + " INSERT INTO l.t SELECT id + 10, h, tn FROM l.t, range(5);"
            + " DELETE FROM l.t WHERE id = 13;");
    int compared =
        new PeerLakeComparison(peer, temp)
            .assertSameRows(new LakeLocation("duckdb:" + catalog, null));
    assertThat(compared).isGreaterThanOrEqualTo(3);
  }

  private static Map<String, Object> row(int id, BigInteger h, String tz, String tn) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", id);
    m.put("h", h);
    // TIMETZ values cross the API normalised to UTC (LakeValues)
    m.put(
        "tz",
        tz == null
            ? null
            : OffsetTime.parse(tz).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime());
    m.put("tn", tn == null ? null : LocalTime.parse(tn));
    return m;
  }

  private static List<Map<String, Object>> repeat(List<Map<String, Object>> rows, int times) {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (int i = 0; i < times; i++) {
      for (Map<String, Object> r : rows) {
        Map<String, Object> copy = new HashMap<>(r);
        copy.put("id", (Integer) r.get("id") + 10 * (i + 1));
        out.add(copy);
      }
    }
    return out;
  }
}
