package io.quacklake.flight;

import static io.quacklake.flight.FlightCalls.action;
import static io.quacklake.flight.FlightCalls.parquetFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actions {@code ListActions} names, each checked by the state it leaves: a dropped table is
 * gone, flushed rows are in a Parquet file, merged files are one, expired snapshots are no longer
 * listed, and cleaned-up files are deleted from disk (dry runs change nothing).
 */
class FlightActionsTest {
  @TempDir Path temp;
  private Lake lake;
  private FlightLakeServer server;
  private BufferAllocator allocator;
  private FlightClient client;

  @BeforeEach
  void start() {
    lake = Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString());
    lake.createTable("main.events", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
    server = FlightLakeServer.start(lake, ServerSettings.loopback(0));
    allocator = new RootAllocator();
    client =
        FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.port()))
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
    allocator.close();
    lake.close();
  }

  private void insert(int from, int to) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(Map.of("id", (long) i, "kind", "k" + i % 2));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert("events", rows);
      tx.commit();
    }
  }

  private List<Long> ids() {
    List<Long> out = new ArrayList<>();
    try (var it = lake.table("events").scan().rows()) {
      it.forEachRemaining(r -> out.add((Long) r.get("id")));
    }
    out.sort(null);
    return out;
  }

  private static long id(Object number) {
    return ((Number) number).longValue();
  }

  @Test
  void listActionsNamesEveryAction() {
    List<String> names = new ArrayList<>();
    for (ActionType t : client.listActions()) {
      assertThat(t.getDescription()).as(t.getType()).isNotBlank();
      names.add(t.getType());
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "tables",
            "snapshots",
            "delete",
            "update",
            "create_table",
            "drop_table",
            "begin",
            "commit",
            "rollback",
            "flush_inlined_data",
            "merge_adjacent_files",
            "expire_snapshots",
            "cleanup_old_files",
            "delete_orphaned_files",
            "checkpoint");
  }

  @Test
  void dropTableRemovesTheTable() throws Exception {
    action(client, "create_table", Map.of("table", "scratch", "columns", "id BIGINT"));
    assertThat(lake.tables()).extracting(t -> t.name().toString()).contains("main.scratch");
    long snapshot = id(action(client, "drop_table", Map.of("table", "scratch")).get("snapshot_id"));
    assertThat(lake.currentSnapshot().id()).isEqualTo(snapshot);
    assertThat(lake.tables()).extracting(t -> t.name().toString()).containsExactly("main.events");
    assertThatThrownBy(() -> client.getSchema(FlightDescriptor.path("main", "scratch")))
        .isInstanceOfSatisfying(
            FlightRuntimeException.class,
            e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND));
  }

  @Test
  void flushInlinedDataWritesInlinedRowsToParquet() throws Exception {
    lake.setOption("data_inlining_row_limit", "100");
    insert(0, 5);
    insert(5, 8);
    assertThat(parquetFiles(temp.resolve("data"))).as("rows inlined in the catalog").isZero();
    Map<String, Object> flushed = action(client, "flush_inlined_data", Map.of("table", "events"));
    assertThat(flushed).containsEntry("rows", 8).containsEntry("files_created", 1);
    assertThat(id(flushed.get("snapshot_id"))).isEqualTo(lake.currentSnapshot().id());
    assertThat(parquetFiles(temp.resolve("data"))).isEqualTo(1);
    assertThat(ids()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void mergeExpireAndCleanupCompactFilesAndDeleteTheOldOnes() throws Exception {
    for (int f = 0; f < 3; f++) {
      insert(f * 100, f * 100 + 100);
    }
    Path data = temp.resolve("data");
    assertThat(parquetFiles(data)).isEqualTo(3);
    List<Long> rows = ids();

    Map<String, Object> merged = action(client, "merge_adjacent_files", Map.of("table", "events"));
    assertThat(merged).containsEntry("files_processed", 3).containsEntry("files_created", 1);
    assertThat(lake.table("events").scan().planTasks()).as("one live file").hasSize(1);
    assertThat(ids()).isEqualTo(rows);
    assertThat(parquetFiles(data)).as("old files kept for time travel").isEqualTo(4);

    int snapshots = lake.snapshots().size();
    Map<String, Object> dry =
        action(client, "expire_snapshots", Map.of("older_than", "0 seconds", "dry_run", true));
    assertThat((List<?>) dry.get("expired")).hasSize(snapshots - 1);
    assertThat(lake.snapshots()).hasSize(snapshots);
    Map<String, Object> expired =
        action(client, "expire_snapshots", Map.of("older_than", "0 seconds"));
    assertThat(expired.get("expired")).isEqualTo(dry.get("expired"));
    assertThat(lake.snapshots())
        .singleElement()
        .satisfies(s -> assertThat(s.id()).isEqualTo(id(merged.get("snapshot_id"))));

    @SuppressWarnings("unchecked")
    List<String> wouldDelete =
        (List<String>)
            action(client, "cleanup_old_files", Map.of("older_than", "0 seconds", "dry_run", true))
                .get("files");
    assertThat(wouldDelete).hasSize(3);
    assertThat(parquetFiles(data)).isEqualTo(4);
    @SuppressWarnings("unchecked")
    List<String> deleted =
        (List<String>)
            action(client, "cleanup_old_files", Map.of("older_than", "0 seconds")).get("files");
    assertThat(deleted).containsExactlyInAnyOrderElementsOf(wouldDelete);
    assertThat(parquetFiles(data)).isEqualTo(1);
    assertThat(ids()).isEqualTo(rows);
  }
}
