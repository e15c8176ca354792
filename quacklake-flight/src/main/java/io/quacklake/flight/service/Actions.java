package io.quacklake.flight.service;

import io.quacklake.CheckpointResult;
import io.quacklake.Lake;
import io.quacklake.Maintenance;
import io.quacklake.MaintenanceResult;
import io.quacklake.PartitionField;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.flight.protocol.ActionRequest;
import io.quacklake.flight.protocol.Messages;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.ValueText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.arrow.flight.ActionType;

/**
 * {@code DoAction}: statements that take no Arrow data (delete, update, DDL), the lake's snapshots,
 * transactions held across calls, and maintenance. Each answers one JSON result.
 */
public final class Actions {
  /** The actions, with what they do (listed by {@code ListActions}). */
  public static final Map<String, String> TYPES = types();

  private final Lake lake;
  private final HeldTransactions held;

  public Actions(Lake lake, HeldTransactions held) {
    this.lake = lake;
    this.held = held;
  }

  private static Map<String, String> types() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("tables", "the tables at the newest snapshot");
    t.put("snapshots", "every snapshot: id, time, changes, author, message");
    t.put("delete", "{table, where, transaction?}: delete matching rows");
    t.put(
        "update",
        "{table, set: {column: value}, where, transaction?}: set columns of matching rows");
    t.put("create_table", "{table, columns: 'id BIGINT, ...', partition_by?: [...], transaction?}");
    t.put("drop_table", "{table, transaction?}");
    t.put("begin", "start a transaction held by the server; returns its id");
    t.put("commit", "{transaction}: commit a held transaction");
    t.put("rollback", "{transaction}: roll a held transaction back");
    t.put("flush_inlined_data", "{table?}: write inlined rows to Parquet");
    t.put("merge_adjacent_files", "{table?}: compact small files");
    t.put("expire_snapshots", "{older_than?, dry_run?}: expire old snapshots");
    t.put("cleanup_old_files", "{older_than?, dry_run?}: delete files expired snapshots left");
    t.put("delete_orphaned_files", "{older_than?, dry_run?}: delete files no snapshot knows");
    t.put("checkpoint", "flush, expire, merge, rewrite, clean up, as DuckDB's CHECKPOINT");
    return Map.copyOf(t);
  }

  /** The action types for {@code ListActions}. */
  public static List<ActionType> list() {
    List<ActionType> out = new ArrayList<>();
    TYPES.forEach((name, description) -> out.add(new ActionType(name, description)));
    return out;
  }

  /** Runs an action and returns its JSON result. */
  public byte[] run(String type, byte[] body) {
    ActionRequest r =
        body == null || body.length == 0
            ? ActionRequest.empty()
            : Messages.read(body, ActionRequest.class, type + " action body");
    Object result =
        switch (type) {
          case "tables" -> lake.tables().stream().map(t -> t.name().toString()).toList();
          case "snapshots" -> lake.snapshots().stream().map(Actions::snapshot).toList();
          case "delete" ->
              statement(r, tx -> Map.of("rows", tx.delete(table(r), required(r.where(), "where"))));
          case "update" -> statement(r, tx -> Map.of("rows", update(tx, r)));
          case "create_table" -> statement(r, tx -> createTable(tx, r));
          case "drop_table" ->
              statement(
                  r,
                  tx -> {
                    tx.dropTable(table(r));
                    return Map.of();
                  });
          case "begin" -> begin();
          case "commit" ->
              Map.of("snapshot_id", held.commit(required(r.transaction(), "transaction")).id());
          case "rollback" -> {
            held.rollback(required(r.transaction(), "transaction"));
            yield Map.of();
          }
          case "flush_inlined_data" -> result(lake.maintenance().flushInlinedData(r.table()));
          case "merge_adjacent_files" ->
              result(lake.maintenance().mergeAdjacentFiles(r.table(), null));
          case "expire_snapshots" -> expire(r);
          case "cleanup_old_files" ->
              Map.of(
                  "files",
                  r.olderThan() == null
                      ? lake.maintenance().cleanupOldFiles(false, r.isDryRun())
                      : lake.maintenance().cleanupOldFiles(before(r.olderThan()), r.isDryRun()));
          case "delete_orphaned_files" ->
              Map.of(
                  "files",
                  r.olderThan() == null
                      ? lake.maintenance().deleteOrphanedFiles(r.isDryRun())
                      : lake.maintenance()
                          .deleteOrphanedFiles(orphanCutoff(r.olderThan()), r.isDryRun()));
          case "checkpoint" -> checkpoint(lake.maintenance().checkpoint());
          default ->
              throw QuacklakeException.invalid(
                  "no action '%s'; the actions are %s", type, List.copyOf(TYPES.keySet()));
        };
    return Messages.write(result);
  }

  private Map<String, Object> begin() {
    String id = held.begin(lake);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("transaction", id);
    out.put("snapshot_id", held.baseSnapshot(id));
    return out;
  }

  /** Runs a statement in the request's held transaction, or in one of its own that it commits. */
  private Map<String, Object> statement(
      ActionRequest r, Function<Transaction, Map<String, Object>> work) {
    if (r.transaction() != null) {
      Map<String, Object> out = new LinkedHashMap<>(held.use(r.transaction(), work));
      out.put("transaction", r.transaction());
      return out;
    }
    try (Transaction tx = lake.begin()) {
      Map<String, Object> out = new LinkedHashMap<>(work.apply(tx));
      out.put("snapshot_id", tx.commit().id());
      return out;
    }
  }

  private static long update(Transaction tx, ActionRequest r) {
    if (r.set() == null || r.set().isEmpty()) {
      throw QuacklakeException.invalid("an update needs 'set': {column: value, ...}");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : r.set().entrySet()) {
      values.put(e.getKey(), e.getValue() == null ? null : value(tx, r, e.getKey(), e.getValue()));
    }
    return tx.update(table(r), values, required(r.where(), "where"));
  }

  /** A JSON value as the column's value: text and numbers are read as the column's type. */
  private static Object value(Transaction tx, ActionRequest r, String column, Object json) {
    LakeColumn c = column(tx, table(r), column);
    if (json instanceof Map || json instanceof List) {
      throw QuacklakeException.invalid(
          "the value of %s is nested; updates set scalar columns only", column);
    }
    return ValueText.parse(json.toString(), c);
  }

  private static LakeColumn column(Transaction tx, String table, String name) {
    io.quacklake.TableScan scan = tx.scan(table);
    for (org.apache.arrow.vector.types.pojo.Field f : scan.schema().getFields()) {
      if (f.getName().equalsIgnoreCase(name)) {
        return io.quacklake.types.ArrowTypes.column(f);
      }
    }
    throw QuacklakeException.invalid("table %s has no column '%s'", table, name);
  }

  private static Map<String, Object> createTable(Transaction tx, ActionRequest r) {
    List<PartitionField> keys = new ArrayList<>();
    if (r.partitionBy() != null) {
      for (String key : r.partitionBy()) {
        keys.addAll(PartitionField.parseAll(key));
      }
    }
    tx.createTable(table(r), ColumnDefinitions.parse(required(r.columns(), "columns")), keys);
    return Map.of();
  }

  private Map<String, Object> expire(ActionRequest r) {
    Maintenance m = lake.maintenance();
    List<Snapshot> expired =
        r.olderThan() == null
            ? m.expireSnapshots(r.isDryRun())
            : m.expireSnapshots(before(r.olderThan()), r.isDryRun());
    return Map.of("expired", expired.stream().map(Snapshot::id).toList());
  }

  /**
   * The cut-off for orphans, refusing one shorter than the lake's {@code delete_older_than}: other
   * clients of this server write files that are unreferenced until they commit, and an orphan sweep
   * with a short age would delete them under a commit in flight.
   */
  private Instant orphanCutoff(String interval) {
    java.time.Duration asked = Maintenance.parseInterval(interval);
    String option = lake.catalogOptions().get("delete_older_than");
    java.time.Duration floor =
        option == null ? java.time.Duration.ofDays(2) : Maintenance.parseInterval(option);
    if (asked.compareTo(floor) < 0) {
      throw QuacklakeException.invalid(
          "older_than '%s' is shorter than the lake's delete_older_than (%s): files that uploads"
              + " in flight have written would be deleted; the server does not go below it",
          interval, option == null ? "2 days" : option);
    }
    return Instant.now().minus(asked);
  }

  private static Instant before(String interval) {
    return Instant.now().minus(Maintenance.parseInterval(interval));
  }

  private static Map<String, Object> result(MaintenanceResult m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.snapshot().ifPresent(s -> out.put("snapshot_id", s.id()));
    out.put("files_processed", m.filesProcessed());
    out.put("files_created", m.filesCreated());
    out.put("rows", m.rows());
    return out;
  }

  private static Map<String, Object> checkpoint(CheckpointResult c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("flush", result(c.flush()));
    out.put("expired", c.expired().stream().map(Snapshot::id).toList());
    out.put("merge", result(c.merge()));
    out.put("rewrite", result(c.rewrite()));
    out.put("cleaned_up", c.cleanedUp());
    out.put("orphans", c.orphans());
    return out;
  }

  private static Map<String, Object> snapshot(Snapshot s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("snapshot_id", s.id());
    out.put("time", s.time().toString());
    out.put("schema_version", s.schemaVersion());
    out.put("changes", s.changesMade());
    out.put("author", s.author());
    out.put("message", s.commitMessage());
    return out;
  }

  private static String table(ActionRequest r) {
    return required(r.table(), "table");
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw QuacklakeException.invalid("the action needs '%s'", field);
    }
    return value;
  }
}
