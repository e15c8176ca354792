package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.Interval;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inlined times and intervals in a PostgreSQL catalog read exactly in either layout: Quacklake's
 * (VARCHAR holding DuckDB's text) and DuckDB's postgres extension's (PostgreSQL's own {@code time}
 * and {@code interval} columns), whatever the server's {@code IntervalStyle}.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class PostgresInlinedTypesTest {
  @TempDir Path temp;

  private static final List<String> EXPECTED =
      List.of(
          "[1, 23:59:59.999999, 1 year 2 months 3 days 04:05:06.789]",
          "[2, 00:00:00.000001, -10 months 3 days -04:05:06.000001]",
          "[3, 12:00:00, 36:00:00]",
          "[4, 00:00:00, -00:00:00.5]",
          "[5, null, null]");

  @Test
  void timesAndIntervalsInPostgresOwnColumnTypesReadExactly() throws Exception {
    String location = TestCatalogs.location("postgres", temp);
    try (Lake lake = Lake.create(location, temp.resolve("data") + "/")) {
      lake.createTable("t", ColumnDefinitions.parse("id INTEGER, tm TIME, iv INTERVAL"));
      try (Transaction tx = lake.begin()) {
        tx.insert(
            "t",
            List.of(
                row(
                    1,
                    LocalTime.of(23, 59, 59, 999_999_000),
                    new Interval(14, 3, micros(14_706_789_000L))),
                row(
                    2,
                    LocalTime.of(0, 0, 0, 1_000),
                    new Interval(-10, 3, -micros(14_706_000_001L))),
                row(3, LocalTime.NOON, new Interval(0, 0, micros(36 * 3_600_000_000L))),
                row(4, LocalTime.MIDNIGHT, new Interval(0, 0, -micros(500_000L))),
                row(5, null, null)));
        tx.commit();
      }
      assertThat(rendered(lake)).containsExactlyElementsOf(EXPECTED);
    }
    try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(location));
        Statement s = c.createStatement()) {
      String inlined;
      try (ResultSet rs = s.executeQuery("SELECT table_name FROM ducklake_inlined_data_tables")) {
        assertThat(rs.next()).isTrue();
        inlined = rs.getString(1);
      }
      s.execute(
          "ALTER TABLE "
              + inlined
              + " ALTER COLUMN tm TYPE time USING tm::time,"
              + " ALTER COLUMN iv TYPE interval USING iv::interval");
      s.execute("ALTER DATABASE " + c.getCatalog() + " SET IntervalStyle = 'iso_8601'");
    }
    try (Lake lake = Lake.open(location)) {
      assertThat(rendered(lake)).containsExactlyElementsOf(EXPECTED);
    }
  }

  private static List<String> rendered(Lake lake) {
    List<String> out = new ArrayList<>();
    RenderedResult.of(lake.table("t").scan().arrow()).rows().forEach(r -> out.add(r.toString()));
    out.sort(null);
    return out;
  }

  private static long micros(long micros) {
    return micros * 1000;
  }

  private static Map<String, Object> row(int id, LocalTime tm, Interval iv) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put("tm", tm);
    row.put("iv", iv);
    return row;
  }
}
