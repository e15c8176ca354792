package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.PartitionField;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code epoch_*} partition transforms of DuckLake 1.1: Quacklake and the peer partition the
 * same rows into the same hive directories with the same partition values (pre-1970 instants, time
 * zones, and DuckDB's renaming of clashing hive keys included), and the peer reads Quacklake's
 * files; 1.1 reserves {@code _ducklake_} column names and 1.0 refuses the transforms.
 */
class EpochPartitionsPeerTest {
  private static final String COLUMNS = "v INTEGER, ts TIMESTAMP, d DATE, tz TIMESTAMPTZ";
  private static final String PARTITIONS =
      "epoch_year(ts), epoch_month(d), epoch_day(tz), epoch_hour(ts), year(ts), year(d)";

  @TempDir Path temp;

  @Test
  void sameDirectoriesAndValuesAsThePeer() {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    String catalog = TestCatalogs.location("postgres", temp);
    String data = temp.resolve("data") + "/";
    peer.run(
        temp,
        peer.attach(catalog, data, "lake", false)
            + "; CALL lake.set_option('data_inlining_row_limit', 0);"
            + " CREATE TABLE lake.main.p ("
            + COLUMNS
            + "); ALTER TABLE lake.main.p SET PARTITIONED BY ("
            + PARTITIONS
            + "); INSERT INTO lake.main.p VALUES"
            + " (1, TIMESTAMP '1969-12-31 23:59:59.5', DATE '1969-12-31',"
            + "  TIMESTAMPTZ '1969-12-31 23:30:00+00'),"
            + " (2, TIMESTAMP '2024-02-29 13:45:00', DATE '2024-02-29',"
            + "  TIMESTAMPTZ '2024-02-29 23:30:00-05'),"
            + " (3, NULL, NULL, NULL),"
            + " (4, TIMESTAMP '1900-01-01 00:00:00', DATE '1900-03-01',"
            + "  TIMESTAMPTZ '2262-04-11 23:00:00+00');");
    try (Lake lake = Lake.open(catalog, LakeOptions.defaults())) {
      assertThat(lake.specVersion()).isEqualTo("1.1-dev1");
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.q",
            ColumnDefinitions.parse(COLUMNS),
            List.of(
                new PartitionField("ts", "epoch_year"),
                new PartitionField("d", "epoch_month"),
                new PartitionField("tz", "epoch_day"),
                new PartitionField("ts", "epoch_hour"),
                new PartitionField("ts", "year"),
                new PartitionField("d", "year")));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert(
            "q",
            List.of(
                row(
                    1,
                    LocalDateTime.parse("1969-12-31T23:59:59.5"),
                    LocalDate.parse("1969-12-31"),
                    Instant.parse("1969-12-31T23:30:00Z")),
                row(
                    2,
                    LocalDateTime.parse("2024-02-29T13:45:00"),
                    LocalDate.parse("2024-02-29"),
                    Instant.parse("2024-03-01T04:30:00Z")),
                row(3, null, null, null),
                row(
                    4,
                    LocalDateTime.parse("1900-01-01T00:00:00"),
                    LocalDate.parse("1900-03-01"),
                    Instant.parse("2262-04-11T23:00:00Z"))));
        tx.commit();
      }
      assertThatThrownBy(
              () -> lake.createTable("main.r", ColumnDefinitions.parse("_DuckLake_x INTEGER")))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("reserved by DuckLake")
          .extracting(e -> ((QuacklakeException) e).kind())
          .isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }
    Map<String, String> peerFiles = partitionsByDirectory(peer, temp, catalog, "p");
    Map<String, String> ourFiles = partitionsByDirectory(peer, temp, catalog, "q");
    assertThat(peerFiles).hasSize(4);
    assertThat(ourFiles).isEqualTo(peerFiles);
    assertThat(peerFiles.keySet())
        .contains(
            "epoch_year=-1/epoch_month=-1/epoch_day=-1/epoch_hour=-1/year=1969/year_d=1969/",
            "epoch_year=54/epoch_month=649/epoch_day=19783/epoch_hour=474781/year=2024/year_d=2024/");
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
  }

  @Test
  void aOneZeroLakeRefusesEpochTransforms() {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.createTable("main.t", ColumnDefinitions.parse("ts TIMESTAMP, _ducklake_ok INTEGER"));
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.setPartitioning("t", List.of(new PartitionField("ts", "epoch_day")));
                }
              })
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("DuckLake 1.0 does not support the epoch_day partition transform");
    }
  }

  private static Map<String, Object> row(int v, LocalDateTime ts, LocalDate d, Instant tz) {
    Map<String, Object> row = new HashMap<>();
    row.put("v", v);
    row.put("ts", ts);
    row.put("d", d);
    row.put("tz", tz);
    return row;
  }

  /** Each data file's hive directory (inside the table's) mapped to its partition values. */
  private static Map<String, String> partitionsByDirectory(
      DuckDbPeer peer, Path workDir, String catalog, String table) {
    List<Map<String, Object>> rows =
        peer.query(
            workDir,
            peer.attachForReading(catalog, null, "l", null)
                + "; SELECT regexp_replace(f.path, '[^/]*$', '') AS dir,"
                + " (SELECT string_agg(coalesce(v.partition_value, 'NULL'), ','"
                + "   ORDER BY v.partition_key_index)"
                + "  FROM __ducklake_metadata_l.ducklake_file_partition_value v"
                + "  WHERE v.data_file_id = f.data_file_id) AS vals"
                + " FROM __ducklake_metadata_l.ducklake_data_file f"
                + " JOIN __ducklake_metadata_l.ducklake_table t USING (table_id)"
                + " WHERE t.table_name = '"
                + table
                + "' AND t.end_snapshot IS NULL");
    Map<String, String> out = new TreeMap<>();
    List<String> dirs = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      out.put(String.valueOf(r.get("dir")), String.valueOf(r.get("vals")));
      dirs.add(String.valueOf(r.get("dir")));
    }
    assertThat(dirs).doesNotHaveDuplicates();
    return out;
  }
}
