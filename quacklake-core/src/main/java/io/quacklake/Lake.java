package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogConnection;
import io.quacklake.internal.catalog.CatalogInitializer;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.internal.catalog.MetadataWrites;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.versioned.CatalogLayout;
import io.quacklake.internal.catalog.versioned.VersionedCatalog;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.lake.ObjectStoreCatalogVersions;
import io.quacklake.internal.lake.Version;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.time.Instant;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An open DuckLake: its catalog, its data path and the resources scans share. Thread-safe. Close
 * its scans and transactions first, then the lake.
 *
 * <pre>{@code
 * try (Lake lake = Lake.open("sqlite:lake/catalog.sqlite")) {
 *   try (ScanReader r = lake.table("main.events").scan().filter("kind = 'click'").arrow()) {
 *     while (r.loadNextBatch()) { ... r.getVectorSchemaRoot() ... }
 *   }
 * }
 * }</pre>
 */
public final class Lake implements AutoCloseable {
  private final LakeContext context;

  private Lake(LakeContext context) {
    this.context = context;
  }

  /**
   * Creates a new, empty DuckLake 1.0 lake (snapshot 0, schema {@code main}) and opens it.
   *
   * @param catalogLocation where the catalog goes ({@code sqlite:PATH}, {@code duckdb:PATH}, a
   *     server catalog, or an object-store catalog {@code s3://bucket/prefix} / {@code
   *     file:///dir})
   * @param dataPath the data path to store; relative paths resolve against the working directory of
   *     whoever opens the lake, as in DuckDB. May be null for an object-store catalog: {@code
   *     <location>/data/}
   * @throws QuacklakeException ALREADY_EXISTS when a catalog is already there
   */
  public static Lake create(String catalogLocation, String dataPath) {
    return create(catalogLocation, dataPath, LakeOptions.defaults());
  }

  public static Lake create(String catalogLocation, String dataPath, LakeOptions options) {
    return create(catalogLocation, dataPath, options, "1.0");
  }

  /**
   * Creates a new lake in DuckLake {@code specVersion}: {@code 1.0} (the default, which DuckDB 1.5
   * and 2.0 both open), {@code 1.1-dev1} (what DuckDB's development builds create) or {@code 1.1}
   * (the released specification, which DuckDB 2.0 creates).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for another version
   */
  public static Lake create(
      String catalogLocation, String dataPath, LakeOptions options, String specVersion) {
    io.quacklake.internal.catalog.SpecVersion version =
        io.quacklake.internal.catalog.SpecVersion.forWriting(specVersion);
    CatalogLocation location = options.catalogLocation(catalogLocation);
    if ((dataPath == null || dataPath.isBlank()) && location.isObjectStore()) {
      dataPath = new CatalogLayout(Location.directory(location.target())).data().value();
    }
    if (dataPath == null || dataPath.isBlank()) {
      throw QuacklakeException.invalid(
          "a new lake needs a data path (where its Parquet files go), e.g. lake/data/");
    }
    CatalogInitializer.create(
        location,
        Location.directory(dataPath).value(),
        "Quacklake " + Version.CURRENT,
        options.storage(),
        version);
    return open(catalogLocation, options);
  }

  /**
   * Migrates a lake to {@code toVersion} as DuckDB's migration does: {@code 1.1-dev1} (from 1.0) or
   * the released {@code 1.1} (from 1.0 or 1.1-dev1, with 1.1's columns and repairs); open the lake
   * again afterwards. DuckDB 1.5 cannot open the migrated lake, and only DuckDB 2.0 opens a 1.1
   * lake.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for another target or a lake that cannot move there
   */
  public static void migrate(String catalogLocation, LakeOptions options, String toVersion) {
    if (!"1.1-dev1".equals(toVersion) && !"1.1".equals(toVersion)) {
      throw QuacklakeException.invalid(
          "Quacklake migrates lakes to 1.1-dev1 or 1.1, not to '%s'", toVersion);
    }
    try (CatalogConnection c =
        CatalogConnection.open(options.catalogLocation(catalogLocation), options.storage())) {
      if (toVersion.equals("1.1")) {
        c.migrateToV11(Lake::boundReadable);
      } else {
        c.migrateToV11Dev1();
      }
    }
  }

  private static boolean boundReadable(String text, io.quacklake.types.LakeColumn column) {
    try {
      io.quacklake.internal.write.StatsText.parse(text, column);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Opens an existing lake with default options (see {@code docs/cli.md} for locations). */
  public static Lake open(String catalogLocation) {
    return open(catalogLocation, LakeOptions.defaults());
  }

  public static Lake open(String catalogLocation, LakeOptions options) {
    return new Lake(
        LakeContext.open(
            CatalogConnection.open(options.catalogLocation(catalogLocation), options.storage()),
            options));
  }

  /** The catalog's DuckLake version, e.g. {@code 1.0}. */
  public String specVersion() {
    return context.catalog().version().text();
  }

  /** The data path in use (the override or the stored one), absolute. */
  public String dataPath() {
    return context.paths().root().value();
  }

  /**
   * The versions of an object-store catalog ({@code s3://}, {@code az://}, {@code file://}):
   * history, restore, export and garbage collection.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for other catalogs, which keep no versions
   */
  public CatalogVersions catalogVersions() {
    VersionedCatalog v = context.catalog().versions();
    if (v == null) {
      throw QuacklakeException.invalid(
          "catalog %s is not an object-store catalog; only s3://, az://, gs:// and file:// catalogs"
              + " keep versions",
          context.catalog().location());
    }
    return new ObjectStoreCatalogVersions(v, context.catalog());
  }

  public List<Snapshot> snapshots() {
    return context.snapshots().all().stream().map(Lake::toSnapshot).toList();
  }

  public Snapshot currentSnapshot() {
    SnapshotRecord s = context.snapshots().latest();
    if (s == null) {
      throw QuacklakeException.corrupt("catalog %s has no snapshots", context.catalog().location());
    }
    return toSnapshot(s);
  }

  /**
   * @throws QuacklakeException NOT_FOUND when there is no such snapshot
   */
  public Snapshot snapshot(long id) {
    return toSnapshot(context.snapshot(id));
  }

  /** The newest snapshot at or before {@code time}. */
  public Snapshot snapshotAt(Instant time) {
    SnapshotRecord s = context.snapshots().at(time);
    if (s == null) {
      throw QuacklakeException.notFound(
          "no snapshot of %s is at or before %s; the first one is later",
          context.catalog().location(), time);
    }
    return toSnapshot(s);
  }

  public List<String> schemas() {
    return schemas(currentSnapshot().id());
  }

  public List<String> schemas(long snapshotId) {
    return context.objects().schemas(snapshotId).stream().map(SchemaRecord::name).toList();
  }

  public List<TableInfo> tables() {
    return tables(currentSnapshot().id());
  }

  public List<TableInfo> tables(long snapshotId) {
    return context.tables().tables(snapshotId);
  }

  public List<ViewInfo> views() {
    return views(currentSnapshot().id());
  }

  public List<ViewInfo> views(long snapshotId) {
    return context.objects().views(snapshotId).stream()
        .map(v -> new ViewInfo(v.schemaName(), v.name(), v.dialect(), v.sql()))
        .toList();
  }

  /** A handle on a table by name ({@code schema.table} or {@code table} in {@code main}). */
  public Table table(String name) {
    return table(TableName.parse(name));
  }

  public Table table(TableName name) {
    return new Table(this, context, name);
  }

  /** Table maintenance: flush, compaction, snapshot expiry and file cleanup. */
  public Maintenance maintenance() {
    return new Maintenance(this, context);
  }

  /** Starts a transaction reading the latest snapshot. */
  public Transaction begin() {
    return new Transaction(this, context, context.snapshots().latest());
  }

  /**
   * Starts a transaction reading an earlier snapshot, for work planned against it (a distributed
   * job that scanned it): the commit goes on top of the newest snapshot, and the conflict rules are
   * checked against every commit since {@code snapshotId}.
   *
   * @throws QuacklakeException NOT_FOUND for a snapshot that does not exist or has expired
   */
  public Transaction begin(long snapshotId) {
    return new Transaction(this, context, context.snapshot(snapshotId));
  }

  /** Creates a table in its own transaction; returns the new snapshot. */
  public Snapshot createTable(String name, List<LakeColumn> columns) {
    try (Transaction tx = begin()) {
      tx.createTable(name, columns);
      return tx.commit();
    }
  }

  /** Creates a table from an Arrow schema in its own transaction; returns the new snapshot. */
  public Snapshot createTable(String name, Schema schema) {
    try (Transaction tx = begin()) {
      tx.createTable(name, schema);
      return tx.commit();
    }
  }

  /** Creates a schema in its own transaction; returns the new snapshot. */
  public Snapshot createSchema(String name) {
    try (Transaction tx = begin()) {
      tx.createSchema(name);
      return tx.commit();
    }
  }

  /** Drops a table in its own transaction; returns the new snapshot. */
  public Snapshot dropTable(String name) {
    try (Transaction tx = begin()) {
      tx.dropTable(name);
      return tx.commit();
    }
  }

  /**
   * The lake's options as the catalog holds them now ({@code ducklake_metadata}, global scope):
   * {@code data_path}, {@code version}, {@code target_file_size}, {@code data_inlining_row_limit},
   * ... — what DuckDB's {@code ducklake_options()} lists with scope GLOBAL.
   */
  public java.util.SortedMap<String, String> catalogOptions() {
    return java.util.Collections.unmodifiableSortedMap(
        new java.util.TreeMap<>(context.catalog().globalOptions()));
  }

  /**
   * Sets a lake-wide option in the catalog, as DuckDB's {@code set_option} does (no snapshot): e.g.
   * {@code data_inlining_row_limit}, {@code target_file_size}, {@code parquet_compression}, {@code
   * parquet_row_group_size}, {@code parquet_version}. A transaction reads these options at its
   * first write and keeps them until it ends.
   */
  public void setOption(String key, String value) {
    context
        .catalog()
        .write(
            "setting option " + key,
            c -> {
              MetadataWrites.setGlobal(
                  c, key, io.quacklake.internal.lake.OptionValues.normalize(key, value, false));
              return null;
            });
  }

  /**
   * Sets an option of one schema ({@code set_option(..., schema => ...)}); the schema's tables use
   * it unless they set their own. No snapshot is made.
   *
   * @throws QuacklakeException NOT_FOUND when the schema does not exist
   */
  public void setSchemaOption(String schema, String key, String value) {
    setScopedOption("schema", schemaId(schema), schema, key, value);
  }

  /**
   * Sets an option of one table ({@code set_option(..., table_name => ...)}), which its writes and
   * maintenance use over the schema's and the lake's. No snapshot is made.
   *
   * @param table {@code schema.table} or {@code table} (in {@code main})
   * @throws QuacklakeException NOT_FOUND when the table does not exist
   */
  public void setTableOption(String table, String key, String value) {
    TableName name = TableName.parse(table);
    long snapshot = context.snapshots().latest().snapshotId();
    long tableId = context.tables().resolve(name, snapshot).table().tableId();
    setScopedOption("table", tableId, name.toString(), key, value);
  }

  private void setScopedOption(String scope, long id, String entry, String key, String value) {
    String stored = io.quacklake.internal.lake.OptionValues.normalize(key, value, true);
    context
        .catalog()
        .write(
            "setting option " + key + " of " + scope + " " + entry,
            c -> {
              MetadataWrites.setScoped(c, key, stored, scope, id);
              return null;
            });
  }

  /**
   * Every option with its scope, as DuckDB's {@code ducklake_options()} lists them: lake-wide ones,
   * then those of schemas and tables that exist now, each group by name.
   */
  public java.util.List<LakeOption> options() {
    io.quacklake.internal.catalog.ScopedOptions scoped = context.catalog().scopedOptions();
    long snapshot = context.snapshots().latest().snapshotId();
    java.util.List<LakeOption> out = new java.util.ArrayList<>();
    new java.util.TreeMap<>(scoped.global())
        .forEach((k, v) -> out.add(new LakeOption(k, v, LakeOption.Scope.GLOBAL, null)));
    for (io.quacklake.internal.catalog.SchemaRecord s : context.objects().schemas(snapshot)) {
      new java.util.TreeMap<>(scoped.schemas().getOrDefault(s.schemaId(), java.util.Map.of()))
          .forEach((k, v) -> out.add(new LakeOption(k, v, LakeOption.Scope.SCHEMA, s.name())));
    }
    for (io.quacklake.internal.catalog.TableRecord t : context.objects().tables(snapshot)) {
      String entry = t.schemaName() + "." + t.name();
      new java.util.TreeMap<>(scoped.tables().getOrDefault(t.tableId(), java.util.Map.of()))
          .forEach((k, v) -> out.add(new LakeOption(k, v, LakeOption.Scope.TABLE, entry)));
    }
    return java.util.List.copyOf(out);
  }

  private long schemaId(String schema) {
    long snapshot = context.snapshots().latest().snapshotId();
    return context.objects().schemas(snapshot).stream()
        .filter(s -> s.name().equals(schema))
        .mapToLong(io.quacklake.internal.catalog.SchemaRecord::schemaId)
        .findFirst()
        .orElseThrow(
            () ->
                QuacklakeException.notFound(
                    "schema %s does not exist; create it with 'quacklake create-schema %s'",
                    schema, schema));
  }

  @Override
  public void close() {
    context.close();
  }

  static Snapshot toSnapshot(SnapshotRecord s) {
    return new Snapshot(
        s.snapshotId(),
        s.time(),
        s.schemaVersion(),
        s.changesMade(),
        s.author(),
        s.commitMessage(),
        s.commitExtraInfo());
  }
}
