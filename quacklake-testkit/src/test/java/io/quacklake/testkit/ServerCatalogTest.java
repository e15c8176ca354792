package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server catalogs: metadata schema, clear connection errors, passwords never shown. */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class ServerCatalogTest {
  @TempDir Path temp;

  /**
   * {@code host=/var/run/postgresql}, as libpq and DuckDB take it, connects through the server's
   * Unix socket (junixsocket): a lake made that way is the same lake over TCP.
   */
  @Test
  void postgresThroughItsUnixSocketDirectory() {
    Path socket = Path.of("/var/run/postgresql/.s.PGSQL.5432");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.exists(socket),
        "LOUD SKIP: this PostgreSQL has no Unix socket at " + socket);
    String tcp = TestCatalogs.location("postgres", temp);
    String viaSocket = tcp.replace("host=127.0.0.1", "host=/var/run/postgresql");
    assertThat(viaSocket).contains("host=/var/run/postgresql");
    try (Lake lake = Lake.create(viaSocket, temp.resolve("data").toString())) {
      lake.createTable("main.t", io.quacklake.types.ColumnDefinitions.parse("id BIGINT"));
      try (io.quacklake.Transaction tx = lake.begin()) {
        tx.insert("t", java.util.List.of(java.util.Map.of("id", 7L)));
        tx.commit();
      }
    }
    try (Lake lake = Lake.open(tcp);
        io.quacklake.RowIterator rows = lake.table("t").scan().rows()) {
      assertThat(rows.toList()).containsExactly(java.util.Map.of("id", 7L));
    }
    String postgresUri =
        "postgres:postgresql:///"
            + tcp.replaceAll(".*dbname=(\\S+).*", "$1")
            + "?host=%2Fvar%2Frun%2Fpostgresql&user=postgres";
    try (Lake lake = Lake.open(postgresUri);
        io.quacklake.RowIterator rows = lake.table("t").scan().rows()) {
      assertThat(rows.toList()).hasSize(1);
    }
  }

  @Test
  void postgresCatalogInItsOwnMetadataSchema() throws Exception {
    String location = TestCatalogs.location("postgres", temp);
    LakeOptions options = LakeOptions.defaults().withMetadataSchema("lake_meta");
    try (Lake lake = Lake.create(location, temp.resolve("data").toString(), options)) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 1L)));
        tx.commit();
      }
    }
    try (Lake lake = Lake.open(location, options)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(1);
    }
    String db = location.replaceAll(".*dbname=(\\S+).*", "$1");
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_schema FROM information_schema.tables"
                    + " WHERE table_name = 'ducklake_snapshot'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("lake_meta");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void mixedCaseMetadataSchemaKeepsItsCaseAsDuckDbDoes() throws Exception {
    String location = TestCatalogs.location("postgres", temp);
    LakeOptions options = LakeOptions.defaults().withMetadataSchema("LakeMeta");
    try (Lake lake = Lake.create(location, temp.resolve("data").toString(), options)) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 1L)));
        tx.commit();
      }
    }
    try (Lake lake = Lake.open(location, options)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(1);
    }
    try (Lake lake = Lake.open(location + " password=hunter2", options)) {
      try (io.quacklake.RowIterator it = lake.table("t").scan().rows()) {
        assertThat(it.toList()).containsExactly(Map.of("id", 1L));
      }
    }
    String db = location.replaceAll(".*dbname=(\\S+).*", "$1");
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT table_schema FROM information_schema.tables"
                    + " WHERE table_name LIKE 'ducklake%'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("LakeMeta");
      assertThat(rs.next()).isFalse();
    }
    assertThatThrownBy(() -> Lake.open(location))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("not a DuckLake catalog");
  }

  @Test
  void mariadbDatabaseNameCannotAddUrlParameters() throws Exception {
    TestCatalogs.location("mariadb", temp);
    String db = "ql_t" + Long.toHexString(System.nanoTime()) + "?socketFactory=x&a/b=c";
    try (Connection admin =
            DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    try {
      String location = "mysql:host=127.0.0.1 port=3306 user=root database='" + db + "'";
      try (Lake lake = Lake.create(location, temp.resolve("data").toString())) {
        lake.createTable("t", ColumnDefinitions.parse("id BIGINT"));
      }
      try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root");
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                      + db
                      + "' AND table_name = 'ducklake_snapshot'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    } finally {
      try (Connection admin =
              DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root");
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS `" + db + "`");
      }
    }
  }

  @Test
  void driverMessagesAboutJdbcUrlsHideTheirPasswords() {
    for (String location :
        List.of(
            "jdbc:postgresql://u:hunter2@127.0.0.1:1/x",
            "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2",
            "jdbc:mariadb://u:hunter2@127.0.0.1:1/x",
            "jdbc:mysql://127.0.0.1:1/x?user=u&password=hunter2")) {
      assertThatThrownBy(() -> Lake.open(location))
          .as(location)
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE))
          .hasMessageNotContaining("hunter2")
          .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("hunter2"));
    }
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  @Test
  void unreachableServerIsUnavailableAndHidesThePassword() {
    assertThatThrownBy(
            () -> Lake.open("postgres:dbname=x host=127.0.0.1 port=1 user=u password=hunter2"))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("password=***");
  }

  @Test
  void metadataSchemaIsRefusedWhereItCannotApply() {
    assertThatThrownBy(
            () ->
                Lake.open(
                    "sqlite:" + temp.resolve("x.sqlite"),
                    LakeOptions.defaults().withMetadataSchema("m")))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNSUPPORTED));
  }

  @Test
  void wrongPasswordIsOneClearLineWithoutThePassword() {
    TestCatalogs.location("mariadb", temp);
    assertThatThrownBy(
            () -> Lake.open("mysql:host=127.0.0.1 port=3306 user=root password=not-the-one"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("Access denied")
        .hasMessageNotContaining("not-the-one")
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
  }

  @Test
  void missingDatabaseIsOneClearLine() {
    TestCatalogs.location("postgres", temp);
    assertThatThrownBy(
            () -> Lake.open("postgres:dbname=no_such_lake_db host=127.0.0.1 user=postgres"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("no_such_lake_db")
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
  }
}
