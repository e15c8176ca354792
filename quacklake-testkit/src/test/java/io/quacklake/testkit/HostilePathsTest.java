package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing escapes the lake: a partition column named like a path writes inside the data path, and
 * catalog rows whose relative paths leave it are corrupt rows that are never read, written through
 * or scheduled for deletion. Each lake lives in {@code temp/lake}; everything else in {@code temp}
 * must stay as it was.
 */
class HostilePathsTest {
  private static final String FIX =
      " (a leading '/' or a '..' segment); DuckLake keeps relative paths inside the data path."
          + " The catalog was edited or written by a faulty tool: repair or remove that row";

  @TempDir Path temp;
  private Path lakeDir;
  private Path dataDir;
  private String catalog;

  @BeforeEach
  void setUp() throws IOException {
    lakeDir = Files.createDirectories(temp.resolve("lake"));
    dataDir = lakeDir.resolve("data");
    catalog = "sqlite:" + lakeDir.resolve("catalog.sqlite");
  }

  private static LakeColumn column(String name, TypeId type) {
    return LakeColumn.of(0, name, LakeType.of(type));
  }

  private static List<Map<String, Object>> rows(String column, int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(Map.of("id", i, column, "v"));
    }
    return rows;
  }

  /** Every file in {@code temp} outside the lake, with its size. */
  private Map<String, Long> outsideTheLake() throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(temp)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!p.startsWith(lakeDir) && !p.equals(temp)) {
          files.put(temp.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
        }
      }
    }
    return files;
  }

  private void sql(String statement, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(catalog));
        var ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private List<String> query(String select) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(catalog));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select)) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private Lake createLake() {
    Lake lake = Lake.create(catalog, dataDir.toString());
    lake.setOption("data_inlining_row_limit", "0");
    return lake;
  }

  private static void assertCorrupt(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessage(message);
  }

  @Test
  void partitionColumnNamedLikeAPathWritesInsideTheDataPath() throws Exception {
    String hostile = "../../../../escaped";
    Map<String, Long> before = outsideTheLake();
    try (Lake lake = createLake()) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "t",
            List.of(column("id", TypeId.INT64), column(hostile, TypeId.VARCHAR)),
            List.of(new PartitionField(hostile, "identity")));
        tx.insert("t", rows(hostile, 20));
        tx.commit();
      }
      assertThat(lake.table("t").scan().filter("id < 5").count()).isEqualTo(5);
    }
    assertThat(outsideTheLake()).isEqualTo(before);
    assertThat(query("SELECT path, path_is_relative FROM ducklake_data_file"))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row)
                    .matches(
                        "\\.\\.%2F\\.\\.%2F\\.\\.%2F\\.\\.%2Fescaped=v/ducklake-.*\\.parquet \\| 1"));
    try (Stream<Path> files = Files.walk(dataDir.resolve("main/t"))) {
      assertThat(files.filter(Files::isRegularFile))
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.getParent().getFileName())
                      .hasToString("..%2F..%2F..%2F..%2Fescaped=v"));
    }
  }

  @Test
  void dataFileWhoseRelativePathLeavesTheLakeIsACorruptRow() throws Exception {
    try (Lake lake = createLake()) {
      lake.createTable("t", List.of(column("id", TypeId.INT64), column("name", TypeId.VARCHAR)));
      lake.createTable("u", List.of(column("id", TypeId.INT64), column("name", TypeId.VARCHAR)));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows("name", 10));
        tx.insert("u", rows("name", 10));
        tx.commit();
      }
    }
    // a readable Parquet file outside the lake, named by a relative path that climbs out of it
    List<String> files = query("SELECT data_file_id, path FROM ducklake_data_file ORDER BY 1");
    String[] first = files.get(0).split(" \\| ");
    Path own = dataDir.resolve("main/t").resolve(first[1]);
    Files.copy(own, temp.resolve("outside.parquet"));
    String hostile = "../../../../outside.parquet";
    sql("UPDATE ducklake_data_file SET path = ? WHERE data_file_id = ?", hostile, first[0]);
    Map<String, Long> before = outsideTheLake();
    String message =
        "ducklake_data_file row data_file_id="
            + first[0]
            + " of table main.t has relative path '"
            + hostile
            + "', which leaves "
            + dataDir.resolve("main/t")
            + "/"
            + FIX;
    try (Lake lake = Lake.open(catalog)) {
      assertCorrupt(() -> lake.table("t").scan().count(), message);
      assertCorrupt(
          () -> {
            try (Transaction tx = lake.begin()) {
              tx.delete("t", "id < 3");
              tx.commit();
            }
          },
          message);
      assertThat(lake.table("u").scan().count()).isEqualTo(10);
    }
    assertThat(outsideTheLake()).isEqualTo(before);
    assertThat(query("SELECT count(*) FROM ducklake_files_scheduled_for_deletion"))
        .containsExactly("0");
    assertThat(query("SELECT count(*) FROM ducklake_delete_file")).containsExactly("0");
  }

  @Test
  void tableWhoseRelativePathLeavesTheLakeIsNeitherReadNorWritten() throws Exception {
    try (Lake lake = createLake()) {
      lake.createTable("t", List.of(column("id", TypeId.INT64), column("name", TypeId.VARCHAR)));
    }
    sql("UPDATE ducklake_table SET path = '../../../escaped/' WHERE table_name = 't'");
    Map<String, Long> before = outsideTheLake();
    try (Lake lake = Lake.open(catalog)) {
      long snapshot = lake.currentSnapshot().id();
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.insert("t", rows("name", 10));
                  tx.commit();
                }
              })
          .isInstanceOfSatisfying(
              QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
          .hasMessageStartingWith("ducklake_table row table_id=")
          .hasMessageContaining(
              "(table main.t) has relative path '../../../escaped/', which leaves "
                  + dataDir.resolve("main")
                  + "/");
      assertThat(lake.currentSnapshot().id()).isEqualTo(snapshot);
    }
    assertThat(outsideTheLake()).isEqualTo(before);
  }

  @Test
  void onlyDeleteFilesUnderTheDataPathAreScheduledForDeletion() throws Exception {
    try (Lake lake = createLake()) {
      lake.createTable("t", List.of(column("id", TypeId.INT64), column("name", TypeId.VARCHAR)));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows("name", 100));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id < 10");
        tx.commit();
      }
    }
    // the delete file, moved outside the lake and named by its absolute path (as DuckDB may)
    String[] delete =
        query("SELECT delete_file_id, path FROM ducklake_delete_file").get(0).split(" \\| ");
    Path outside = temp.resolve("outside-delete.parquet");
    Files.move(dataDir.resolve("main/t").resolve(delete[1]), outside);
    sql(
        "UPDATE ducklake_delete_file SET path = ?, path_is_relative = false WHERE delete_file_id"
            + " = ?",
        outside.toString(),
        delete[0]);
    Map<String, Long> before = outsideTheLake();
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(90);
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id < 20");
        tx.commit();
      }
      assertThat(lake.table("t").scan().count()).isEqualTo(80);
      // the replacement, inside the lake, is scheduled by its path relative to the data path
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id < 30");
        tx.commit();
      }
      assertThat(lake.table("t").scan().count()).isEqualTo(70);
    }
    assertThat(outsideTheLake()).isEqualTo(before);
    List<String> scheduled =
        query("SELECT path, path_is_relative FROM ducklake_files_scheduled_for_deletion");
    assertThat(scheduled)
        .singleElement()
        .satisfies(row -> assertThat(row).matches("main/t/ducklake-.*-delete\\.parquet \\| 1"));
    assertThat(Files.exists(dataDir.resolve(scheduled.get(0).split(" \\| ")[0]))).isTrue();
  }
}
