package io.quacklake.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.ColumnDefinitions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.AsyncPutListener;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SyncPutListener;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flight server against a real lake on SQLite and real gRPC on loopback: every call, errors as
 * Flight status codes, the token, uploads cut off mid-stream, held transactions, and eight clients
 * reading and writing at once with an audited result.
 */
class FlightLakeServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  private Lake lake;
  private FlightLakeServer server;
  private BufferAllocator allocator;
  private FlightClient client;

  @BeforeEach
  void start() {
    lake = Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString());
    lake.createTable("main.events", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
    for (int f = 0; f < 3; f++) {
      insert(f * 1000, f * 1000 + 1000);
    }
    insert(5000, 5003);
    server = FlightLakeServer.start(lake, ServerSettings.loopback(0));
    allocator = new RootAllocator();
    client = connect(server.port());
  }

  private void insert(int from, int to) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(Map.of("id", (long) i, "kind", i % 2 == 0 ? "even" : "odd"));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert("events", rows);
      tx.commit();
    }
  }

  private FlightClient connect(int port) {
    return FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", port)).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
    allocator.close();
    lake.close();
  }

  private static Map<String, Object> json(byte[] bytes) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = JSON.readValue(bytes, Map.class);
    return m;
  }

  private static byte[] bytes(Object message) throws Exception {
    return JSON.writeValueAsBytes(message);
  }

  /** Rows of a stream as "id:kind" strings (or "id" when kind is not read). */
  private static List<String> read(FlightStream stream) throws Exception {
    List<String> out = new ArrayList<>();
    try (stream) {
      while (stream.next()) {
        VectorSchemaRoot root = stream.getRoot();
        for (int r = 0; r < root.getRowCount(); r++) {
          StringBuilder row = new StringBuilder();
          for (var v : root.getFieldVectors()) {
            row.append(row.length() == 0 ? "" : ":").append(ArrowValues.get(v, r));
          }
          out.add(row.toString());
        }
      }
    }
    return out;
  }

  private List<String> quacklake(String where) {
    List<String> out = new ArrayList<>();
    var scan = lake.table("events").scan();
    if (where != null) {
      scan = scan.filter(where);
    }
    try (var it = scan.rows()) {
      it.forEachRemaining(r -> out.add(r.get("id") + ":" + r.get("kind")));
    }
    return out;
  }

  @Test
  void listsPlansAndStreamsTables() throws Exception {
    List<FlightInfo> flights = new ArrayList<>();
    client.listFlights(Criteria.ALL).forEach(flights::add);
    assertThat(flights)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getDescriptor().getPath()).containsExactly("main", "events");
              assertThat(f.getRecords()).isEqualTo(3003);
              assertThat(f.getSchemaOptional().orElseThrow().getFields())
                  .extracting(x -> x.getName())
                  .containsExactly("id", "kind");
            });
    FlightInfo info = client.getInfo(FlightDescriptor.path("main", "events"));
    assertThat(info.getEndpoints()).as("one endpoint per file, at most four").hasSize(4);
    List<String> all = new ArrayList<>();
    for (FlightEndpoint e : info.getEndpoints()) {
      all.addAll(read(client.getStream(e.getTicket())));
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(quacklake(null)).hasSize(3003);
    assertThat(client.getSchema(FlightDescriptor.path("events")).getSchema().getFields())
        .hasSize(2);
    assertThat(read(client.getStream(new Ticket("main.events".getBytes(StandardCharsets.UTF_8)))))
        .as("a bare table name is a ticket too")
        .hasSize(3003);
  }

  @Test
  void scanCommandsProjectFilterTimeTravelAndLimit() throws Exception {
    long second = lake.snapshots().get(2).id();
    FlightInfo info =
        client.getInfo(
            FlightDescriptor.command(
                bytes(
                    Map.of(
                        "table",
                        "events",
                        "columns",
                        List.of("kind", "id"),
                        "where",
                        "id >= 990 AND id < 1010"))));
    assertThat(info.getSchemaOptional().orElseThrow().getFields())
        .extracting(f -> f.getName())
        .containsExactly("kind", "id");
    List<String> rows = new ArrayList<>();
    for (FlightEndpoint e : info.getEndpoints()) {
      rows.addAll(read(client.getStream(e.getTicket())));
    }
    List<String> expected = new ArrayList<>();
    for (String r : quacklake("id >= 990 AND id < 1010")) {
      String[] p = r.split(":");
      expected.add(p[1] + ":" + p[0]);
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected).hasSize(20);
    assertThat(
            read(
                client.getStream(new Ticket(bytes(Map.of("table", "events", "snapshot", second))))))
        .as("time travel")
        .hasSize(1000);
    assertThat(read(client.getStream(new Ticket(bytes(Map.of("table", "events", "limit", 7))))))
        .hasSize(7);
  }

  @Test
  void scansAtATimestampReadTheSnapshotOfThatTime() throws Exception {
    java.time.Instant second = lake.snapshots().get(2).time();
    java.time.Instant third = lake.snapshots().get(3).time();
    assertThat(second).isBefore(third);
    Map<String, Object> atSecond = Map.of("table", "events", "timestamp", second.toString());
    assertThat(read(client.getStream(new Ticket(bytes(atSecond)))))
        .as("the snapshot taken at that instant")
        .containsExactlyInAnyOrderElementsOf(
            read(client.getStream(new Ticket(bytes(Map.of("table", "events", "snapshot", 2))))))
        .hasSize(1000);
    java.time.Instant between = second.plus(java.time.Duration.between(second, third).dividedBy(2));
    FlightInfo info =
        client.getInfo(
            FlightDescriptor.command(
                bytes(Map.of("table", "events", "timestamp", between.toString()))));
    assertThat(info.getRecords())
        .as("the newest snapshot at or before the instant")
        .isEqualTo(1000);
    List<String> rows = new ArrayList<>();
    for (FlightEndpoint e : info.getEndpoints()) {
      rows.addAll(read(client.getStream(e.getTicket())));
    }
    assertThat(rows).hasSize(1000);
    assertThatThrownBy(
            () ->
                read(
                    client.getStream(
                        new Ticket(bytes(Map.of("table", "events", "timestamp", "yesterday"))))))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> {
              assertThat(e.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("'yesterday' is not an ISO-8601 instant");
            });
  }

  @Test
  void malformedBodiesCommandsAndDescriptorsAreInvalidArgument() throws Exception {
    long before = lake.currentSnapshot().id();
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FlightCalls.actionBytes(client, "delete", notJson))
        .satisfies(e -> invalid(e, "the delete action body is not valid"));
    assertThatThrownBy(
            () ->
                FlightCalls.actionBytes(
                    client, "delete", bytes(Map.of("table", "events", "wher", "id > 0"))))
        .as("an unknown field is refused, not ignored")
        .satisfies(e -> invalid(e, "the delete action body is not valid"));
    assertThatThrownBy(() -> client.getInfo(FlightDescriptor.command(notJson)))
        .satisfies(e -> invalid(e, "the scan command is not valid"));
    assertThatThrownBy(() -> client.getSchema(FlightDescriptor.command(notJson)))
        .satisfies(e -> invalid(e, "the scan command is not valid"));
    assertThatThrownBy(
            () ->
                client.getInfo(
                    FlightDescriptor.command(bytes(Map.of("table", "events", "limit", "x")))))
        .satisfies(e -> invalid(e, "the scan command is not valid"));
    try (VectorSchemaRoot batch = rows(0, 10)) {
      SyncPutListener listener = new SyncPutListener();
      FlightClient.ClientStreamListener stream =
          client.startPut(FlightDescriptor.command(notJson), batch, listener);
      stream.putNext();
      stream.completed();
      assertThatThrownBy(stream::getResult)
          .satisfies(e -> invalid(e, "the upload command is not valid"));
    }
    try (VectorSchemaRoot batch = rows(0, 10)) {
      assertThatThrownBy(() -> putRoots(Map.of("table", "events", "mode", "upsert"), batch))
          .satisfies(e -> invalid(e, "upload mode 'upsert' is not append or merge"));
    }
    assertThat(lake.currentSnapshot().id()).isEqualTo(before);
    assertThat(lake.table("events").scan().count()).isEqualTo(3003);
  }

  private static void invalid(Throwable e, String message) {
    assertThat(e).isInstanceOf(FlightRuntimeException.class);
    assertThat(((FlightRuntimeException) e).status().code())
        .isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains("INVALID_ARGUMENT").contains(message);
  }

  @Test
  void appendsAndMergesAreOneSnapshotEach() throws Exception {
    long before = lake.currentSnapshot().id();
    Map<String, Object> appended =
        put(
            Map.of("mode", "append", "table", "main.events"),
            rows(10000, 10500),
            rows(10500, 11000));
    assertThat(((Number) appended.get("snapshot_id")).longValue()).isEqualTo(before + 1);
    assertThat(appended.get("rows")).isEqualTo(1000);
    assertThat(lake.table("events").scan().count()).isEqualTo(4003);

    Map<String, Object> merged =
        put(
            Map.of("mode", "merge", "table", "events", "on", List.of("id")),
            rows(10990, 11010, "m"));
    assertThat(merged).containsEntry("updated", 10).containsEntry("inserted", 10);
    assertThat(lake.currentSnapshot().id()).isEqualTo(before + 2);
    assertThat(quacklake("id >= 10990 AND id < 11010"))
        .hasSize(20)
        .allSatisfy(r -> assertThat(r).endsWith(":m"));
  }

  @Test
  void badRequestsAreClearErrorsAndCommitNothing() throws Exception {
    long before = lake.currentSnapshot().id();
    try (VectorSchemaRoot wrong = wrongBatch()) {
      assertThatThrownBy(() -> putRoots(Map.of("table", "events"), wrong))
          .isInstanceOfSatisfying(
              FlightRuntimeException.class,
              e -> {
                assertThat(e.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
                assertThat(e.getMessage()).contains("INVALID_ARGUMENT").contains("nope");
              });
    }
    assertThat(lake.currentSnapshot().id()).isEqualTo(before);
    assertThatThrownBy(
            () -> read(client.getStream(new Ticket("{not json".getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> client.getInfo(FlightDescriptor.path("main", "missing")))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND));
    assertThatThrownBy(() -> action("explode", Map.of()))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> assertThat(e.getMessage()).contains("no action 'explode'"));
    assertThatThrownBy(() -> action("delete", Map.of("table", "events", "where", "id >")))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT));
    assertThat(lake.currentSnapshot().id()).isEqualTo(before);
  }

  @Test
  void actionsChangeRowsAndHeldTransactionsCommitOnce() throws Exception {
    long before = lake.currentSnapshot().id();
    assertThat(action("delete", Map.of("table", "events", "where", "id < 10")))
        .containsEntry("rows", 10);
    assertThat(
            action(
                "update",
                Map.of("table", "events", "set", Map.of("kind", "u"), "where", "id = 20")))
        .containsEntry("rows", 1);
    assertThat(quacklake("id = 20")).containsExactly("20:u");
    assertThat(lake.currentSnapshot().id()).isEqualTo(before + 2);

    String tx = (String) action("begin", Map.of()).get("transaction");
    action(
        "create_table",
        Map.of("table", "t2", "columns", "id BIGINT, kind VARCHAR", "transaction", tx));
    put(Map.of("table", "t2", "transaction", tx), rows(0, 100));
    action("delete", Map.of("table", "events", "where", "id >= 2000", "transaction", tx));
    assertThat(lake.currentSnapshot().id())
        .as("nothing visible before the commit")
        .isEqualTo(before + 2);
    long committed =
        ((Number) action("commit", Map.of("transaction", tx)).get("snapshot_id")).longValue();
    assertThat(committed).isEqualTo(before + 3);
    assertThat(lake.table("t2").scan().count()).isEqualTo(100);
    assertThat(lake.table("events").scan().count()).isEqualTo(1990);

    String abandoned = (String) action("begin", Map.of()).get("transaction");
    action("delete", Map.of("table", "events", "where", "id >= 0", "transaction", abandoned));
    action("rollback", Map.of("transaction", abandoned));
    assertThatThrownBy(() -> action("commit", Map.of("transaction", abandoned)))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND));
    assertThat(lake.table("events").scan().count()).isEqualTo(1990);
    @SuppressWarnings("unchecked")
    List<Object> snapshots = JSON.readValue(actionBytes("snapshots", Map.of()), List.class);
    assertThat(snapshots).hasSize((int) committed + 1);
    assertThat(json(actionBytes("checkpoint", Map.of()))).containsKeys("flush", "merge", "expired");
  }

  @Test
  void anUploadCutOffMidStreamCommitsNothingAndLeavesNoFiles() throws Exception {
    long before = lake.currentSnapshot().id();
    long files = parquetFiles();
    try (VectorSchemaRoot big = rows(100_000, 400_000)) {
      FlightClient.ClientStreamListener stream =
          client.startPut(
              FlightDescriptor.command(bytes(Map.of("table", "events"))),
              big,
              new AsyncPutListener());
      stream.putNext();
      stream.putNext();
      for (int i = 0; i < 100 && parquetFiles() == files; i++) {
        Thread.sleep(50);
      }
      assertThat(parquetFiles()).as("the server had written a file").isGreaterThan(files);
      stream.error(new RuntimeException("the client gives up"));
    }
    for (int i = 0; i < 100 && parquetFiles() != files; i++) {
      Thread.sleep(50);
    }
    assertThat(parquetFiles()).as("files the upload had written are deleted").isEqualTo(files);
    assertThat(lake.currentSnapshot().id()).isEqualTo(before);
    assertThat(lake.table("events").scan().count()).isEqualTo(3003);
  }

  @Test
  void theTokenIsRequiredWhenSet() throws Exception {
    FlightLakeServer guarded =
        FlightLakeServer.start(
            lake, new ServerSettings("127.0.0.1", 0, "s3cret", null, null, StorageSettings.NONE));
    FlightClient c = connect(guarded.port());
    try {
      assertThatThrownBy(() -> c.listFlights(Criteria.ALL).forEach(f -> {}))
          .isInstanceOfSatisfying(
              FlightRuntimeException.class,
              e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
      FlightCallHeaders wrong = new FlightCallHeaders();
      wrong.insert("authorization", "Bearer guess");
      assertThatThrownBy(
              () -> c.listFlights(Criteria.ALL, new HeaderCallOption(wrong)).forEach(f -> {}))
          .isInstanceOf(FlightRuntimeException.class);
      FlightCallHeaders right = new FlightCallHeaders();
      right.insert("authorization", "Bearer s3cret");
      List<FlightInfo> flights = new ArrayList<>();
      c.listFlights(Criteria.ALL, new HeaderCallOption(right)).forEach(flights::add);
      assertThat(flights).hasSize(1);
    } finally {
      c.close();
      guarded.close();
    }
    assertThatThrownBy(
            () ->
                FlightLakeServer.start(
                    lake,
                    new ServerSettings("0.0.0.0", 0, "s3cret", null, null, StorageSettings.NONE)))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("not a loopback address");
  }

  @Test
  void eightClientsReadAndWriteAtOnce() throws Exception {
    int clients = 8;
    int putsEach = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                List<Long> snapshots = new ArrayList<>();
                FlightClient own = connect(server.port());
                try {
                  for (int p = 0; p < putsEach; p++) {
                    int from = 100_000 + (client * putsEach + p) * 100;
                    try (VectorSchemaRoot batch = rows(from, from + 100)) {
                      Map<String, Object> done = put(own, Map.of("table", "events"), batch);
                      snapshots.add(((Number) done.get("snapshot_id")).longValue());
                    }
                    List<String> seen =
                        read(
                            own.getStream(
                                new Ticket(
                                    bytes(Map.of("table", "events", "columns", List.of("id"))))));
                    assertThat(seen.size()).isGreaterThanOrEqualTo(3003 + 100 * (p + 1));
                    assertThat(new HashSet<>(seen)).hasSize(seen.size());
                  }
                } finally {
                  own.close();
                }
                return snapshots;
              }));
    }
    Set<Long> snapshots = new HashSet<>();
    for (Future<List<Long>> f : futures) {
      snapshots.addAll(f.get());
    }
    pool.shutdown();
    assertThat(snapshots).as("every upload its own snapshot").hasSize(clients * putsEach);
    Map<Long, Integer> ids = new TreeMap<>();
    try (var it = lake.table("events").scan().filter("id >= 100000").rows()) {
      it.forEachRemaining(r -> ids.merge((Long) r.get("id"), 1, Integer::sum));
    }
    assertThat(ids).hasSize(clients * putsEach * 100);
    assertThat(ids.values()).containsOnly(1);
  }

  @Test
  void tlsWithATokenServesAndPlaintextIsRefused() throws Exception {
    Path cert = temp.resolve("cert.pem");
    Path key = temp.resolve("key.pem");
    selfSigned(cert, key);
    FlightLakeServer tls =
        FlightLakeServer.start(
            lake, new ServerSettings("127.0.0.1", 0, "s3cret", cert, key, StorageSettings.NONE));
    FlightClient secure;
    try (var trusted = Files.newInputStream(cert)) {
      secure =
          FlightClient.builder(allocator, Location.forGrpcTls("127.0.0.1", tls.port()))
              .trustedCertificates(trusted)
              .build();
    }
    FlightClient plain = connect(tls.port());
    try {
      assertThat(tls.uri()).startsWith("grpc+tls://");
      FlightCallHeaders headers = new FlightCallHeaders();
      headers.insert("authorization", "Bearer s3cret");
      List<FlightInfo> flights = new ArrayList<>();
      secure.listFlights(Criteria.ALL, new HeaderCallOption(headers)).forEach(flights::add);
      assertThat(flights).hasSize(1);
      assertThatThrownBy(
              () -> plain.listFlights(Criteria.ALL, new HeaderCallOption(headers)).forEach(f -> {}))
          .as("a plaintext client cannot talk to the TLS port")
          .isInstanceOf(FlightRuntimeException.class);
    } finally {
      secure.close();
      plain.close();
      tls.close();
    }
  }

  /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, as PEM files. */
  private void selfSigned(Path cert, Path key) throws Exception {
    Path store = temp.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    java.util.Base64.Encoder pem =
        java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(
        cert,
        "-----BEGIN CERTIFICATE-----\n"
            + pem.encodeToString(ks.getCertificate("server").getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + pem.encodeToString(ks.getKey("server", "changeit".toCharArray()).getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
  }

  @Test
  void guardsAgainstPartialUploadsDiscardedWorkAndEarlyOrphanSweeps() throws Exception {
    long before = lake.currentSnapshot().id();
    assertThatThrownBy(() -> put(Map.of("table", "events", "rows", 999), rows(0, 10)))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("announced 999 rows but the stream ended after 10"));
    assertThat(lake.currentSnapshot().id()).isEqualTo(before);

    String tx = (String) action("begin", Map.of()).get("transaction");
    put(Map.of("table", "events", "transaction", tx), rows(50_000, 50_010));
    assertThatThrownBy(
            () ->
                client.getSchema(
                    FlightDescriptor.command(bytes(Map.of("table", "nope", "transaction", tx)))))
        .isInstanceOf(FlightRuntimeException.class);
    action("commit", Map.of("transaction", tx));
    assertThat(lake.table("events").scan().filter("id >= 50000").count())
        .as("a failed read inside the transaction did not discard its upload")
        .isEqualTo(10);

    assertThatThrownBy(() -> action("delete_orphaned_files", Map.of("older_than", "1 second")))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> assertThat(e.getMessage()).contains("shorter than the lake's delete_older_than"));
  }

  @Test
  void stoppingTheServerRollsBackHeldTransactions() throws Exception {
    long before = lake.currentSnapshot().id();
    long files = parquetFiles();
    String tx = (String) action("begin", Map.of()).get("transaction");
    try (VectorSchemaRoot many = rows(100_000, 400_000)) {
      put(client, Map.of("table", "events", "transaction", tx), many);
    }
    assertThat(parquetFiles()).as("the held transaction wrote files").isGreaterThan(files);
    server.close();
    assertThat(lake.currentSnapshot().id()).isEqualTo(before);
    assertThat(parquetFiles()).as("rolled back: its files are deleted").isEqualTo(files);
    server = FlightLakeServer.start(lake, ServerSettings.loopback(0));
  }

  private Map<String, Object> action(String type, Map<String, ?> body) throws Exception {
    return json(actionBytes(type, body));
  }

  private byte[] actionBytes(String type, Map<String, ?> body) throws Exception {
    Iterator<Result> results = client.doAction(new Action(type, bytes(body)));
    byte[] out = results.next().getBody();
    while (results.hasNext()) {
      results.next();
    }
    return out;
  }

  private Map<String, Object> put(Map<String, ?> command, VectorSchemaRoot... batches)
      throws Exception {
    try {
      return put(client, command, batches);
    } finally {
      for (VectorSchemaRoot b : batches) {
        b.close();
      }
    }
  }

  private Map<String, Object> putRoots(Map<String, ?> command, VectorSchemaRoot batch)
      throws Exception {
    return put(client, command, batch);
  }

  private Map<String, Object> put(
      FlightClient c, Map<String, ?> command, VectorSchemaRoot... batches) throws Exception {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(batches[0].getSchema(), allocator)) {
      SyncPutListener listener = new SyncPutListener();
      FlightClient.ClientStreamListener stream =
          c.startPut(FlightDescriptor.command(bytes(command)), root, listener);
      for (VectorSchemaRoot b : batches) {
        try (var unloaded = new org.apache.arrow.vector.VectorUnloader(b).getRecordBatch()) {
          new org.apache.arrow.vector.VectorLoader(root).load(unloaded);
        }
        stream.putNext();
      }
      stream.completed();
      stream.getResult();
      try (PutResult result = listener.read()) {
        byte[] bytes = new byte[(int) result.getApplicationMetadata().readableBytes()];
        result.getApplicationMetadata().getBytes(0, bytes);
        return json(bytes);
      }
    }
  }

  private VectorSchemaRoot rows(int from, int to) {
    return rows(from, to, null);
  }

  private VectorSchemaRoot rows(int from, int to, String kind) {
    return FlightCalls.rows(allocator, from, to, kind);
  }

  private VectorSchemaRoot wrongBatch() {
    BigIntVector id = new BigIntVector("nope", allocator);
    id.allocateNew(1);
    id.set(0, 1);
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(id));
    root.setRowCount(1);
    return root;
  }

  private long parquetFiles() throws Exception {
    try (var walk = Files.walk(temp.resolve("data"))) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
