package io.quacklake.testkit.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quacklake.TableName;
import io.quacklake.testkit.RenderedResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads every table at every snapshot of a lake through the DuckDB peer, in two processes.
 *
 * <p>The first lists the snapshot ids ({@code ducklake_snapshots}) and the tables visible at each,
 * by the DuckLake rule on the catalog's own rows ({@code ducklake_table} and {@code
 * ducklake_schema} with {@code begin_snapshot <= s < end_snapshot}, read through the peer's
 * attachment of the metadata catalog): attaching once per snapshot would cost a catalog load each.
 *
 * <p>The second answers, for each table at each snapshot, in one row: its column names as the peer
 * binds them ({@code DESCRIBE ... AT (VERSION => s)}) and its rows as a JSON list of lists of
 * rendered values (so an empty table still answers). Values render as the golden expected files:
 * {@code CAST(value AS VARCHAR)}, or {@code to_json(value)} for lists, structs, maps, unions and
 * variants.
 */
final class PeerReader {
  static final String ALIAS = "peer_lake";
  private static final String METADATA = "__ducklake_metadata_" + ALIAS;
  private static final String RENDER_MACRO =
      "CREATE TEMP MACRO peer_text(x) AS CASE WHEN regexp_matches(typeof(x),"
          + " '^(STRUCT|MAP|UNION)\\(|\\]$')"
          + " OR (typeof(x) = 'VARIANT' AND x IS NOT NULL) THEN CAST(to_json(x) AS VARCHAR)"
          + " ELSE CAST(x AS VARCHAR) END";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DuckDbPeer peer;
  private final Path workDir;

  PeerReader(DuckDbPeer peer, Path workDir) {
    this.peer = peer;
    this.workDir = workDir;
  }

  LakeReading read(LakeLocation lake) {
    DuckDbPeer p =
        PeerAttachment.of(lake.catalog()).needsPostgres() && !peer.hasPostgres()
            ? peer.withPostgres()
            : peer;
    String attach = p.attachForReading(lake.catalog(), lake.dataPath(), ALIAS, null);
    TreeSet<Long> ids = new TreeSet<>();
    List<SnapshotTable> visible = new ArrayList<>();
    for (Map<String, Object> r : p.query(workDir, attach + ";\n" + tablesAtSnapshots() + ";")) {
      long id = ((Number) r.get("snapshot_id")).longValue();
      ids.add(id);
      if (r.get("table_name") != null) {
        visible.add(
            new SnapshotTable(
                id, new TableName((String) r.get("schema_name"), (String) r.get("table_name"))));
      }
    }
    Map<SnapshotTable, String> howRead = new LinkedHashMap<>();
    visible.forEach(t -> howRead.put(t, attach + "; SELECT * FROM " + from(t)));
    return new LakeReading(List.copyOf(ids), contents(p, attach, visible), howRead);
  }

  private static String tablesAtSnapshots() {
    return "SELECT s.snapshot_id, sc.schema_name, t.table_name FROM ducklake_snapshots('"
        + ALIAS
        + "') s LEFT JOIN ("
        + METADATA
        + ".ducklake_table t JOIN "
        + METADATA
        + ".ducklake_schema sc ON sc.schema_id = t.schema_id)"
        + " ON t.begin_snapshot <= s.snapshot_id"
        + " AND (t.end_snapshot IS NULL OR t.end_snapshot > s.snapshot_id)"
        + " AND sc.begin_snapshot <= s.snapshot_id"
        + " AND (sc.end_snapshot IS NULL OR sc.end_snapshot > s.snapshot_id)"
        + " ORDER BY s.snapshot_id, sc.schema_name, t.table_name";
  }

  private static String from(SnapshotTable t) {
    return ALIAS
        + "."
        + SqlText.identifier(t.table().schema())
        + "."
        + SqlText.identifier(t.table().table())
        + " AT (VERSION => "
        + t.snapshotId()
        + ")";
  }

  private Map<SnapshotTable, RenderedResult> contents(
      DuckDbPeer p, String attach, List<SnapshotTable> visible) {
    Map<SnapshotTable, RenderedResult> out = new LinkedHashMap<>();
    if (visible.isEmpty()) {
      return out;
    }
    String union =
        visible.stream()
            .map(
                t ->
                    "SELECT "
                        + t.snapshotId()
                        + " AS snapshot_id, "
                        + SqlText.literal(t.table().schema())
                        + " AS schema_name, "
                        + SqlText.literal(t.table().table())
                        + " AS table_name, (SELECT CAST(to_json(list(column_name)) AS VARCHAR)"
                        + " FROM (DESCRIBE SELECT * FROM "
                        + from(t)
                        + ")) AS column_names, (SELECT CAST(to_json(list(list_value(*COLUMNS(*))))"
                        + " AS VARCHAR) FROM (SELECT peer_text(COLUMNS(*)) FROM "
                        + from(t)
                        + ")) AS rows")
            .collect(Collectors.joining("\nUNION ALL\n"));
    Map<SnapshotTable, Map<String, Object>> answers = new LinkedHashMap<>();
    for (Map<String, Object> r :
        p.query(workDir, attach + ";\n" + RENDER_MACRO + ";\n" + union + ";")) {
      answers.put(
          new SnapshotTable(
              ((Number) r.get("snapshot_id")).longValue(),
              new TableName((String) r.get("schema_name"), (String) r.get("table_name"))),
          r);
    }
    for (SnapshotTable t : visible) {
      Map<String, Object> r = answers.get(t);
      if (r == null) {
        throw new AssertionError("the DuckDB peer gave no answer for " + t);
      }
      List<String> columns = new ArrayList<>();
      jsonList((String) r.get("column_names")).forEach(c -> columns.add(c.asText()));
      List<List<String>> rows = new ArrayList<>();
      jsonList((String) r.get("rows"))
          .forEach(
              row -> {
                List<String> values = new ArrayList<>(row.size());
                row.forEach(v -> values.add(v.isNull() ? null : v.asText()));
                rows.add(values);
              });
      out.put(t, new RenderedResult(columns, rows));
    }
    return out;
  }

  /** A JSON list the peer printed as text; NULL (an aggregate over no rows) is the empty list. */
  private static JsonNode jsonList(String json) {
    if (json == null) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the DuckDB peer printed no JSON list: " + json, e);
    }
  }
}
