package io.quacklake.testkit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** A golden lake's {@code manifest.json}: its snapshots, expected tables and queries. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldenManifest(
    String name,
    String catalog,
    @JsonProperty("catalog_kind") String catalogKind,
    @JsonProperty("data_path") String dataPath,
    @JsonProperty("spec_version") String specVersion,
    List<SnapshotEntry> snapshots,
    List<ExpectedTable> expected,
    List<Query> queries) {

  public GoldenManifest {
    queries = queries == null ? List.of() : queries;
    expected = expected == null ? List.of() : expected;
  }

  public static GoldenManifest read(Path lakeDir) {
    try {
      return new ObjectMapper()
          .readValue(lakeDir.resolve("manifest.json").toFile(), GoldenManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One snapshot as DuckDB reported it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SnapshotEntry(
      @JsonProperty("snapshot_id") long snapshotId,
      String t,
      @JsonProperty("schema_version") long schemaVersion,
      String changes) {}

  /** The full contents of a table at a snapshot. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ExpectedTable(
      String schema,
      String table,
      long snapshot,
      String file,
      @JsonProperty("row_count") long rowCount) {}

  /** A scan with a projection, a filter and perhaps a snapshot. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Query(
      String id,
      String schema,
      String table,
      List<String> columns,
      List<List<String>> filter,
      Long snapshot,
      String file,
      @JsonProperty("row_count") long rowCount) {

    /** The filter as a {@code --where} expression: the triples joined by AND. */
    public String where() {
      if (filter == null || filter.isEmpty()) {
        return null;
      }
      return String.join(
          " AND ",
          filter.stream()
              .map(f -> "\"" + f.get(0).replace("\"", "\"\"") + "\" " + f.get(1) + " " + f.get(2))
              .toList());
    }
  }
}
