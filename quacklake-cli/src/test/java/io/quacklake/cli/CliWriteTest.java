package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writing commands against a new SQLite-catalog lake, through {@link Main#run}. */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class CliWriteTest {
  @TempDir Path temp;

  private String catalog;

  @BeforeEach
  void createLake() {
    catalog = "sqlite:" + temp.resolve("lake.sqlite");
    CliRun r = run("init");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("0\n");
    assertThat(r.err()).isEmpty();
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("--catalog", catalog));
    all.addAll(List.of("--data-path", temp.resolve("data").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Runs a writing command and returns the snapshot id it printed. */
  private long write(String... args) {
    CliRun r = run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(1);
    assertThat(r.err()).isEmpty();
    return Long.parseLong(r.lines().get(0));
  }

  private Path file(String name, String... lines) throws Exception {
    Path p = temp.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p;
  }

  private static String csvRows(int from, int to, String tail) {
    return IntStream.range(from, to)
        .mapToObj(i -> i + ",n" + i + tail)
        .collect(Collectors.joining("\n"));
  }

  private List<String> scan(String table, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", table, "--format", "csv"));
    args.addAll(List.of(extra));
    CliRun r = run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return r.lines();
  }

  private int snapshotCount() {
    return run("snapshots", "--format", "csv").lines().size() - 1;
  }

  private void createOrders() {
    write(
        "create-table",
        "orders",
        "--schema",
        "id BIGINT NOT NULL, name VARCHAR, amount DECIMAL(12,2) DEFAULT 1.5, ok BOOLEAN");
  }

  @Test
  void initCreateAppendCsvThenScanShowsTheRows() throws Exception {
    assertThat(
            write(
                "create-table",
                "orders",
                "--schema",
                "id BIGINT NOT NULL, name VARCHAR, amount DECIMAL(12,2) DEFAULT 1.5, ok BOOLEAN"))
        .isEqualTo(1);
    Path csv =
        file(
            "orders.csv",
            "amount,ID,name,ok",
            "12.5,1,alice,true",
            "0.01,2,\"b, \"\"quoted\"\"\",0",
            ",3,,1",
            "7,4,\"\",false");
    assertThat(write("append", "orders", csv.toString())).isEqualTo(2);
    assertThat(scan("orders"))
        .containsExactly(
            "id,name,amount,ok",
            "1,alice,12.50,true",
            "2,\"b, \"\"quoted\"\"\",0.01,false",
            "3,,,true",
            "4,\"\",7.00,false");
    CliRun describe = run("describe", "orders", "--format", "csv");
    assertThat(describe.lines()).contains("amount,\"decimal(12,2)\",\"DECIMAL(12,2)\",YES,1.50,,,");
    write("alter-table", "orders", "set-comment", "the orders");
    write("alter-table", "orders", "set-column-comment", "amount", "in euros, with VAT");
    assertThat(run("describe", "orders", "--format", "csv").lines())
        .contains("amount,\"decimal(12,2)\",\"DECIMAL(12,2)\",YES,1.50,,\"in euros, with VAT\",");
    write("alter-table", "orders", "set-column-comment", "amount", "");
    assertThat(run("describe", "orders", "--format", "csv").lines())
        .contains("amount,\"decimal(12,2)\",\"DECIMAL(12,2)\",YES,1.50,,,");
    write("alter-table", "orders", "set-sorted-by", "amount DESC, id");
    assertThat(run("describe", "orders", "--format", "csv").lines())
        .contains(
            "id,int64,BIGINT,NO,,,,2 ASC NULLS LAST",
            "amount,\"decimal(12,2)\",\"DECIMAL(12,2)\",YES,1.50,,,1 DESC NULLS LAST");
    write("alter-table", "orders", "reset-sorted-by");
    assertThat(run("describe", "orders", "--format", "csv").lines())
        .contains("amount,\"decimal(12,2)\",\"DECIMAL(12,2)\",YES,1.50,,,");
  }

  @Test
  void manyRowsFromSeveralFilesLandInOneSnapshot() throws Exception {
    createOrders();
    Path a = file("a.csv", "id,name,amount,ok", csvRows(0, 5000, ",1,true"));
    Path b = file("b.txt", "id,name,amount,ok", csvRows(5000, 5003, ",2,false"));
    int before = snapshotCount();
    long id = write("append", "orders", a.toString(), b.toString(), "--input-format", "csv");
    assertThat(snapshotCount()).isEqualTo(before + 1);
    assertThat(id).isEqualTo(2);
    assertThat(run("tables", "--format", "csv").lines()).contains("main.orders,5003");
    assertThat(scan("orders", "--where", "id = 4999"))
        .containsExactly("id,name,amount,ok", "4999,n4999,1.00,true");
  }

  @Test
  void appendsJsonLinesWithNestedValues() throws Exception {
    write(
        "create-table",
        "events",
        "--schema",
        "id INTEGER, tags VARCHAR[], s STRUCT(a INTEGER, \"b c\" VARCHAR), m MAP(VARCHAR,"
            + " INTEGER), at TIMESTAMPTZ, d DECIMAL(38,10), j JSON");
    Path json =
        file(
            "events.jsonl",
            "{\"id\": 1, \"tags\": [\"x\", null], \"s\": {\"a\": 5, \"b c\": \"q\"},"
                + " \"m\": {\"k\": 1}, \"at\": \"2024-01-02T03:04:05Z\","
                + " \"d\": 12345678901234567890.0123456789, \"j\": {\"z\": [1]}}",
            "",
            "{\"ID\": 2, \"tags\": null}");
    assertThat(write("append", "events", json.toString())).isEqualTo(2);
    CliRun r = run("scan", "events", "--format", "json");
    assertThat(r.lines()).hasSize(2);
    assertThat(r.lines().get(0))
        .contains("\"tags\":[\"x\",null]")
        .contains("\"b c\":\"q\"")
        .contains("\"k\":1")
        .contains("12345678901234567890.0123456789");
    assertThat(r.lines().get(1)).contains("\"id\":2").contains("\"s\":null");
  }

  @Test
  void jsonValueOfTheWrongKindNamesFileLineAndColumn() throws Exception {
    write("create-table", "t", "--schema", "id INTEGER, tags VARCHAR[]");
    Path json = file("t.jsonl", "{\"id\": 1}", "{\"id\": 2, \"tags\": {\"a\": 1}}");
    CliRun r = run("append", "t", json.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("t.jsonl line 2, column tags").contains("VARCHAR[]");
    CliRun extra = run("append", "t", file("u.jsonl", "{\"id\": 1, \"x\": 2}").toString());
    assertThat(extra.exit()).isEqualTo(1);
    assertThat(extra.err()).contains("u.jsonl line 1").contains("'x'");
  }

  @Test
  void appendsParquetWrittenByDuckDbMatchingColumnsByName() throws Exception {
    createOrders();
    Path parquet = temp.resolve("orders.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT i % 2 = 0 AS ok, 'p' || i AS name, i::BIGINT AS id,"
              + " (i / 4)::DECIMAL(12,2) AS amount FROM range(20) t(i)) TO '"
              + parquet
              + "' (FORMAT parquet)");
    }
    assertThat(write("append", "orders", parquet.toString())).isEqualTo(2);
    assertThat(scan("orders", "--where", "id >= 18"))
        .containsExactly("id,name,amount,ok", "18,p18,4.50,true", "19,p19,4.75,false");
  }

  @Test
  void appendsNestedParquetWithAndWithoutFieldIds() throws Exception {
    write(
        "create-table", "n", "--schema", "id INTEGER, l INTEGER[], s STRUCT(a INTEGER, b VARCHAR)");
    Path duck = temp.resolve("n.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT {'a': i::INTEGER, 'b': 'x' || i} AS s, [i::INTEGER, NULL] AS l,"
              + " i::INTEGER AS id FROM range(3) t(i)) TO '"
              + duck
              + "' (FORMAT parquet)");
    }
    assertThat(write("append", "n", duck.toString())).isEqualTo(2);
    Path ours = temp.resolve("ours.parquet");
    assertThat(run("scan", "n", "--format", "parquet", "--output", ours.toString()).exit())
        .isZero();
    write(
        "create-table",
        "n2",
        "--schema",
        "s STRUCT(a INTEGER, b VARCHAR), id INTEGER, l INTEGER[]");
    write("append", "n2", ours.toString());
    assertThat(scan("n2", "--where", "id = 2"))
        .containsExactly("s,id,l", "\"{\"\"a\"\":2,\"\"b\"\":\"\"x2\"\"}\",2,\"[2,null]\"");
  }

  @Test
  void appendsArrowIpcFilesAndStreams() throws Exception {
    write("create-table", "t", "--schema", "id BIGINT, name VARCHAR");
    Path file = temp.resolve("rows.arrow");
    Path stream = temp.resolve("rows.arrows");
    writeArrow(file, true, 0);
    writeArrow(stream, false, 100);
    assertThat(write("append", "t", file.toString(), stream.toString())).isEqualTo(2);
    assertThat(run("tables", "--format", "csv").lines()).contains("main.t,60");
    assertThat(scan("t", "--where", "id = 129")).containsExactly("id,name", "129,a129");
  }

  /** 30 rows; {@code id} as a narrower INT column, names in another order than the table. */
  private static void writeArrow(Path path, boolean fileFormat, int offset) throws Exception {
    try (RootAllocator allocator = new RootAllocator();
        VarCharVector name = new VarCharVector("NAME", allocator);
        IntVector id = new IntVector("id", allocator)) {
      for (int i = 0; i < 30; i++) {
        name.setSafe(i, ("a" + (i + offset)).getBytes(StandardCharsets.UTF_8));
        id.setSafe(i, i + offset);
      }
      name.setValueCount(30);
      id.setValueCount(30);
      VectorSchemaRoot root = VectorSchemaRoot.of(name, id);
      try (FileChannel ch =
              FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          ArrowWriter w =
              fileFormat
                  ? new ArrowFileWriter(root, null, ch)
                  : new ArrowStreamWriter(root, null, ch)) {
        w.start();
        w.writeBatch();
        w.end();
      }
    }
  }

  @Test
  void badCsvValueNamesFileLineAndColumnAndCommitsNothing() throws Exception {
    createOrders();
    Path good = file("good.csv", "id,name,amount,ok", "1,a,1,true");
    Path bad = file("orders.csv", "id,name,amount,ok", "1,a,1,true", "2,b,abc,true");
    int before = snapshotCount();
    CliRun r = run("append", "orders", good.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("orders.csv line 3, column amount: 'abc' is not a DECIMAL(12,2)")
        .doesNotContain("\n\t");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(snapshotCount()).isEqualTo(before);
    assertThat(scan("orders")).containsExactly("id,name,amount,ok");
  }

  @Test
  void csvHeaderMustNameExactlyTheTableColumns() throws Exception {
    createOrders();
    CliRun missing = run("append", "orders", file("m.csv", "id,name,ok", "1,a,true").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("m.csv").contains("'amount' is missing");
    CliRun extra =
        run("append", "orders", file("e.csv", "id,name,amount,ok,x", "1,a,1,true,2").toString());
    assertThat(extra.exit()).isEqualTo(1);
    assertThat(extra.err()).contains("e.csv").contains("'x' is not in the table");
  }

  @Test
  void nullInNotNullColumnIsRejected() throws Exception {
    createOrders();
    CliRun r = run("append", "orders", file("n.csv", "id,name,amount,ok", ",a,1,true").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("n.csv line 2, column id: NULL in a NOT NULL column");
  }

  @Test
  void deleteDropAndRename() throws Exception {
    createOrders();
    write(
        "append",
        "orders",
        file("o.csv", "id,name,amount,ok", csvRows(0, 100, ",1,true")).toString());
    assertThat(write("delete", "orders", "--where", "id < 40 OR id = 99")).isEqualTo(3);
    assertThat(run("tables", "--format", "csv").lines())
        .containsExactly("table,rows", "main.orders,59");
    assertThat(write("alter-table", "orders", "rename", "sales")).isEqualTo(4);
    assertThat(run("tables", "--format", "csv").lines())
        .containsExactly("table,rows", "main.sales,59");
    assertThat(run("tables", "--format", "csv", "--as-of", "3").lines())
        .containsExactly("table,rows", "main.orders,59");
    assertThat(write("drop-table", "main.sales")).isEqualTo(5);
    assertThat(run("tables", "--format", "csv").lines()).containsExactly("table,rows");
    assertThat(run("drop-table", "sales").exit()).isEqualTo(2);
  }

  @Test
  void pathsNestedFieldsAndVirtualColumns() throws Exception {
    Path elsewhere = temp.resolve("elsewhere");
    write("create-schema", "ext", "--path", elsewhere.toString());
    write("create-table", "ext.t", "--schema", "id BIGINT, s STRUCT(a INTEGER)");
    write("append", "ext.t", file("t.jsonl", "{\"id\": 1, \"s\": {\"a\": 5}}").toString());
    write("alter-table", "ext.t", "add-column", "s.b VARCHAR DEFAULT 'x'");
    write("alter-table", "ext.t", "rename-column", "s.a", "a2");
    assertThat(scan("ext.t", "--columns", "id,s,rowid,snapshot_id"))
        .as("the renamed field, the added field at its default, and DuckDB's virtual columns")
        .containsExactly("id,s,rowid,snapshot_id", "1,\"{\"\"a2\"\":5,\"\"b\"\":\"\"x\"\"}\",0,3");
    write(
        "create-table", "u", "--schema", "id BIGINT", "--path", elsewhere.resolve("u").toString());
    write(
        "append",
        "u",
        file(
                "u.csv",
                "id",
                csvRows(0, 20, "")
                    .lines()
                    .map(l -> l.split(",")[0])
                    .collect(Collectors.joining("\n")))
            .toString());
    assertThat(Files.list(elsewhere.resolve("u")).filter(p -> p.toString().endsWith(".parquet")))
        .as("the table's files under its own path")
        .hasSize(1);
    assertThat(run("create-schema", "bad", "--path", "relative/dir").err())
        .contains("relative; give an absolute path");
  }

  @Test
  void createTableAcceptsEveryKindOfType() {
    write(
        "create-table",
        "all_types",
        "--schema",
        "a BOOL, b INT1, c INT2, d INT, e INT8, f UTINYINT, g USMALLINT, h UINTEGER, i UBIGINT,"
            + " j HUGEINT, k UHUGEINT, l REAL, m DOUBLE, n NUMERIC(4,1), o DATE, p TIME, q TIMETZ,"
            + " r DATETIME, s TIMESTAMP_S, t TIMESTAMP_MS, u TIMESTAMP_NS, v TIMESTAMP WITH TIME"
            + " ZONE, w INTERVAL, x TEXT, y JSON, z BYTEA, aa UUID, bb INTEGER[][],"
            + " cc STRUCT(a INTEGER, b VARCHAR), dd MAP(VARCHAR, INTEGER)");
    CliRun r = run("describe", "all_types", "--format", "csv");
    assertThat(r.lines()).hasSize(31);
    assertThat(r.lines())
        .contains(
            "bb,list(list(int32)),INTEGER[][],YES,,,,",
            "dd,\"map(varchar, int32)\",\"MAP(VARCHAR, INTEGER)\",YES,,,,",
            "v,timestamptz,TIMESTAMP WITH TIME ZONE,YES,,,,");
  }

  @Test
  void badSchemasAreInvalidOrUnsupported() {
    CliRun unknown = run("create-table", "t", "--schema", "id BIGINT, x MONEY");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown type MONEY at position 14");
    CliRun enumType = run("create-table", "t", "--schema", "id ENUM('a')");
    assertThat(enumType.exit()).isEqualTo(5);
    CliRun partitioned =
        run("create-table", "t", "--schema", "id BIGINT", "--partition-by", "hour(id)");
    assertThat(partitioned.exit()).isEqualTo(1);
    assertThat(partitioned.err()).contains("hour(id)");
    assertThat(run("tables", "--format", "csv").lines()).containsExactly("table,rows");
  }

  @Test
  void updateSetsLiteralsAndMergeUpserts() throws Exception {
    createOrders();
    write(
        "append",
        "orders",
        file("o.csv", "id,name,amount,ok", "1,a,1,true", "2,b,2,false").toString());
    write("update", "orders", "--set", "name = 'it''s', amount = 9.5", "--where", "id = 1");
    assertThat(scan("orders", "--where", "id = 1"))
        .containsExactly("id,name,amount,ok", "1,it's,9.50,true");
    Path upserts = file("u.csv", "id,name,amount,ok", "2,B,20,true", "3,c,3,");
    write("merge", "orders", upserts.toString(), "--on", "id");
    assertThat(scan("orders"))
        .containsExactlyInAnyOrder(
            "id,name,amount,ok", "1,it's,9.50,true", "2,B,20.00,true", "3,c,3.00,");
    CliRun bad = run("update", "orders", "--set", "amount = 'abc'");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("amount");
    write(
        "update",
        "orders",
        "--set",
        "amount = amount * 2 + id, name = upper(coalesce(name, 'x')) || '/' || CAST(id AS VARCHAR)",
        "--where",
        "id % 2 = 1");
    assertThat(scan("orders"))
        .containsExactlyInAnyOrder(
            "id,name,amount,ok", "1,IT'S/1,20.00,true", "2,B,20.00,true", "3,C/3,9.00,");
    CliRun unknown = run("update", "orders", "--set", "amount = nope + 1");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("nope");
  }

  @Test
  void changesListsInsertsUpdatesAndDeletesBySnapshot() throws Exception {
    createOrders();
    long inserted =
        write(
            "append",
            "orders",
            file("c.csv", "id,name,amount,ok", "1,a,1,true", "2,b,2,false").toString());
    long updated = write("update", "orders", "--set", "name = 'B'", "--where", "id = 2");
    long deleted = write("delete", "orders", "--where", "id = 1");
    CliRun all = run("changes", "orders", "--from", Long.toString(inserted), "--format", "csv");
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.lines().get(0)).isEqualTo("snapshot_id,rowid,change_type,id,name,amount,ok");
    assertThat(all.lines().subList(1, all.lines().size()))
        .containsExactlyInAnyOrder(
            inserted + ",0,insert,1,a,1.00,true",
            inserted + ",1,insert,2,b,2.00,false",
            updated + ",1,update_preimage,2,b,2.00,false",
            updated + ",1,update_postimage,2,B,2.00,false",
            deleted + ",0,delete,1,a,1.00,true");
    CliRun deletions =
        run(
            "changes",
            "orders",
            "--from",
            Long.toString(updated),
            "--to",
            Long.toString(deleted),
            "--kind",
            "deletions",
            "--format",
            "csv");
    assertThat(deletions.lines().get(0))
        .isEqualTo("snapshot_id,rowid,change_type,id,name,amount,ok");
    assertThat(deletions.lines().subList(1, deletions.lines().size()))
        .containsExactlyInAnyOrder(
            updated + ",1,update_preimage,2,b,2.00,false", deleted + ",0,delete,1,a,1.00,true");
    CliRun json = run("changes", "orders", "--from", Long.toString(deleted), "--format", "json");
    assertThat(json.lines())
        .as("numbers stay numbers in JSON")
        .containsExactly(
            "{\"snapshot_id\":"
                + deleted
                + ",\"rowid\":0,\"change_type\":\"delete\",\"id\":1,\"name\":\"a\","
                + "\"amount\":1.00,\"ok\":true}");
    Path parquet = temp.resolve("changes.parquet");
    CliRun toParquet =
        run(
            "changes",
            "orders",
            "--from",
            Long.toString(inserted),
            "--format",
            "parquet",
            "--output",
            parquet.toString());
    assertThat(toParquet.exit()).as(toParquet.err()).isZero();
    write(
        "create-table",
        "feed",
        "--schema",
        "snapshot_id BIGINT, rowid BIGINT, change_type VARCHAR, id BIGINT, name VARCHAR,"
            + " amount DECIMAL(12,2), ok BOOLEAN");
    write("append", "feed", parquet.toString());
    assertThat(scan("feed")).containsExactlyInAnyOrderElementsOf(all.lines());
    assertThat(run("changes", "orders", "--from", "999").exit()).isEqualTo(2);
  }

  @Test
  void alterTableChangesColumnsAndOldRowsReadTheDefault() throws Exception {
    createOrders();
    write("append", "orders", file("o.csv", "id,name,amount,ok", "1,a,1,true").toString());
    write("alter-table", "orders", "add-column", "score REAL DEFAULT 2.5");
    write("alter-table", "orders", "rename-column", "name", "customer");
    write("alter-table", "orders", "drop-column", "ok");
    write("alter-table", "orders", "set-type", "score", "DOUBLE");
    assertThat(scan("orders")).containsExactly("id,customer,amount,score", "1,a,1.00,2.5");
    assertThat(run("alter-table", "orders", "set-type", "amount", "INTEGER").exit()).isEqualTo(1);
    assertThat(run("alter-table", "orders", "drop-column", "nope").exit()).isEqualTo(2);
    write("alter-table", "orders", "set-partitioned-by", "customer");
    List<String> lines = new ArrayList<>(List.of("id,customer,amount,score"));
    for (int i = 2; i < 40; i++) {
      lines.add(i + "," + (i % 2 == 0 ? "b" : "c") + "," + i + ",1");
    }
    write("append", "orders", file("p.csv", lines.toArray(String[]::new)).toString());
    assertThat(Files.isDirectory(temp.resolve("data/main/orders/customer=b"))).isTrue();
    assertThat(Files.isDirectory(temp.resolve("data/main/orders/customer=c"))).isTrue();
    assertThat(scan("orders", "--where", "customer = 'c'")).hasSize(20);
    assertThat(run("alter-table", "orders", "set-partitioned-by", "year(customer)").exit())
        .isEqualTo(1);
    write("alter-table", "orders", "set-partitioned-by", "bucket(3, customer), id");
    write("append", "orders", file("q.csv", "id,customer,amount,score", "90,z,1,1").toString());
    assertThat(run("describe", "orders").out())
        .contains(
            "customer,varchar,VARCHAR,YES,,\"bucket(3, customer)\",", "id,int64,BIGINT,NO,,id,");
    assertThat(scan("orders", "--where", "customer = 'z'"))
        .containsExactly("id,customer,amount,score", "90,z,1.00,1.0");
    assertThat(run("alter-table", "orders", "set-partitioned-by", "bucket(0, customer)").exit())
        .isEqualTo(1);
    assertThat(run("alter-table", "orders", "set-partitioned-by", "year(2, customer)").exit())
        .isEqualTo(1);
    assertThat(run("alter-table", "orders", "rename-column", "name").exit()).isEqualTo(1);
    assertThat(run("alter-table", "orders", "explode").exit()).isEqualTo(1);
  }

  @Test
  void serverCatalogsWorkFromTheCommandLine() throws Exception {
    for (String kind : List.of("postgres", "mariadb")) {
      String location = io.quacklake.testkit.TestCatalogs.location(kind, temp);
      String data = temp.resolve(kind + "-data").toString();
      assertThat(CliRun.of("--catalog", location, "--data-path", data, "init").exit()).isZero();
      assertThat(
              CliRun.of(
                      "--catalog",
                      location,
                      "create-table",
                      "t",
                      "--schema",
                      "id BIGINT, s VARCHAR")
                  .exit())
          .isZero();
      Path csv = file(kind + ".csv", "id,s", "1,é", "2,");
      assertThat(CliRun.of("--catalog", location, "append", "t", csv.toString()).exit()).isZero();
      CliRun r = CliRun.of("--catalog", location, "scan", "t", "--format", "csv");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.lines()).containsExactlyInAnyOrder("id,s", "1,é", "2,");
    }
  }

  @Test
  void initFailsWhenALakeExistsOrWithoutDataPath() {
    CliRun again = run("init");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already");
    CliRun noPath = CliRun.of("--catalog", "sqlite:" + temp.resolve("other.sqlite"), "init");
    assertThat(noPath.exit()).isEqualTo(1);
    assertThat(noPath.err()).contains("--data-path");
  }

  @Test
  void configFileSuppliesTheCatalogAndOptionsWin() throws Exception {
    write("create-table", "t", "--schema", "id BIGINT");
    Path config =
        file("lake.properties", "catalog=" + catalog, "data-path=" + temp.resolve("data"));
    write("append", "t", file("rows.csv", "id", "1", "2").toString());
    CliRun fromFile = CliRun.of("--config", config.toString(), "tables", "--format", "csv");
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    assertThat(fromFile.lines()).containsExactly("table,rows", "main.t,2");
    CliRun overridden =
        CliRun.of(
            "--config",
            config.toString(),
            "--catalog",
            "sqlite:" + temp.resolve("nope.sqlite"),
            "tables");
    assertThat(overridden.exit()).isEqualTo(2);
    CliRun bad = CliRun.of("--config", file("bad.properties", "catalogue=x").toString(), "tables");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("unknown keys [catalogue]");
  }
}
