package io.quacklake.spark;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.TableInfo;
import io.quacklake.TableName;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.spark.convert.SparkTypes;
import io.quacklake.types.LakeColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.catalyst.analysis.NamespaceAlreadyExistsException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.analysis.NonEmptyNamespaceException;
import org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A DuckLake lake as a Spark catalog: DuckLake schemas are namespaces, tables read and write
 * through Quacklake. Configure it with {@code spark.sql.catalog.lake =
 * io.quacklake.spark.QuacklakeCatalog} and {@code spark.sql.catalog.lake.catalog = LOCATION} (see
 * {@link CatalogSettings} for the other keys).
 */
public final class QuacklakeCatalog
    implements TableCatalog,
        org.apache.spark.sql.connector.catalog.StagingTableCatalog,
        SupportsNamespaces,
        org.apache.spark.sql.connector.catalog.ProcedureCatalog {
  private String name;
  private CatalogSettings settings;
  private Lake lake;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.settings = CatalogSettings.of(name, options.asCaseSensitiveMap());
  }

  @Override
  public String name() {
    return name;
  }

  /** The lake, opened at first use and kept for the session. */
  synchronized Lake lake() {
    if (lake == null) {
      lake = Lake.open(settings.catalog(), settings.options());
    }
    return lake;
  }

  @Override
  public String[] defaultNamespace() {
    return new String[] {TableName.DEFAULT_SCHEMA};
  }

  // procedures

  @Override
  public org.apache.spark.sql.connector.catalog.procedures.UnboundProcedure loadProcedure(
      Identifier ident) {
    if (ident.namespace().length != 1 || !ident.namespace()[0].equalsIgnoreCase("system")) {
      throw QuacklakeException.notFound(
          "no procedure %s; maintenance procedures live in %s.system", ident, name);
    }
    return new io.quacklake.spark.procedure.MaintenanceProcedure(ident.name(), this::lake);
  }

  @Override
  public Identifier[] listProcedures(String[] namespace) {
    if (namespace.length != 1 || !namespace[0].equalsIgnoreCase("system")) {
      return new Identifier[0];
    }
    return io.quacklake.spark.procedure.MaintenanceProcedure.NAMES.stream()
        .map(n -> Identifier.of(namespace, n))
        .toArray(Identifier[]::new);
  }

  // namespaces

  @Override
  public String[][] listNamespaces() {
    List<String> schemas = lake().schemas();
    String[][] out = new String[schemas.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new String[] {schemas.get(i)};
    }
    return out;
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length == 0) {
      return listNamespaces();
    }
    requireNamespace(namespace);
    return new String[0][];
  }

  @Override
  public boolean namespaceExists(String[] namespace) {
    return namespace.length == 1 && lake().schemas().contains(namespace[0]);
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace)
      throws NoSuchNamespaceException {
    requireNamespace(namespace);
    return Map.of();
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata)
      throws NamespaceAlreadyExistsException {
    if (namespace.length != 1) {
      throw QuacklakeException.invalid(
          "DuckLake schemas are one level deep; %s has %d levels",
          String.join(".", namespace), namespace.length);
    }
    if (namespaceExists(namespace)) {
      throw new NamespaceAlreadyExistsException(namespace);
    }
    commit(tx -> tx.createSchema(namespace[0]));
  }

  @Override
  public void alterNamespace(String[] namespace, NamespaceChange... changes) {
    throw new UnsupportedOperationException("DuckLake schemas have no properties to alter");
  }

  @Override
  public boolean dropNamespace(String[] namespace, boolean cascade)
      throws NoSuchNamespaceException, NonEmptyNamespaceException {
    if (!namespaceExists(namespace)) {
      return false;
    }
    if (!cascade && listTables(namespace).length > 0) {
      throw new NonEmptyNamespaceException(namespace);
    }
    commit(tx -> tx.dropSchema(namespace[0], cascade));
    return true;
  }

  // tables

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    requireNamespace(namespace);
    List<Identifier> out = new ArrayList<>();
    for (TableInfo t : lake().tables()) {
      if (t.name().schema().equals(namespace[0])) {
        out.add(Identifier.of(namespace, t.name().table()));
      }
    }
    return out.toArray(new Identifier[0]);
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    return load(ident, lake().currentSnapshot().id(), false);
  }

  @Override
  public Table loadTable(Identifier ident, String version) throws NoSuchTableException {
    long snapshot;
    try {
      snapshot = Long.parseLong(version.trim());
    } catch (NumberFormatException e) {
      throw QuacklakeException.invalid(
          "VERSION AS OF takes a DuckLake snapshot id (a number), not '%s'", version);
    }
    return load(ident, lake().snapshot(snapshot).id(), true);
  }

  @Override
  public Table loadTable(Identifier ident, long timestampMicros) throws NoSuchTableException {
    Instant at =
        Instant.ofEpochSecond(
            Math.floorDiv(timestampMicros, 1_000_000L),
            Math.floorMod(timestampMicros, 1_000_000L) * 1000L);
    return load(ident, lake().snapshotAt(at).id(), true);
  }

  private Table load(Identifier ident, long snapshot, boolean timeTravel)
      throws NoSuchTableException {
    try {
      return new QuacklakeTable(
          lake(), tableName(ident), snapshot, timeTravel, settings.storage(), settings.splitSize());
    } catch (QuacklakeException e) {
      if (e.kind() == ErrorKind.NOT_FOUND) {
        throw new NoSuchTableException(ident);
      }
      throw e;
    }
  }

  @Override
  public Table createTable(Identifier ident, org.apache.spark.sql.connector.catalog.TableInfo info)
      throws TableAlreadyExistsException, NoSuchNamespaceException {
    requireNamespace(ident.namespace());
    if (tableExists(ident)) {
      throw new TableAlreadyExistsException(ident);
    }
    Definition d = definition(info.columns(), info.partitions());
    TableName table = tableName(ident);
    commit(tx -> tx.createTable(table.toString(), d.columns(), d.partitioning()));
    try {
      return loadTable(ident);
    } catch (NoSuchTableException e) {
      throw new IllegalStateException("table " + table + " vanished right after its creation", e);
    }
  }

  /** A table's columns and partition keys as DuckLake's. */
  private record Definition(List<LakeColumn> columns, List<PartitionField> partitioning) {}

  private Definition definition(Column[] columns, Transform[] partitions) {
    List<LakeColumn> lakeColumns = new ArrayList<>();
    for (Column c : columns) {
      lakeColumns.add(SparkTypes.column(c.name(), c.dataType(), c.nullable()));
    }
    List<PartitionField> fields = new ArrayList<>();
    for (Transform t : partitions) {
      fields.add(partitionField(t, lake().specVersion()));
    }
    return new Definition(lakeColumns, fields);
  }

  /** {@code CREATE TABLE ... AS SELECT}: the table and its rows in one snapshot. */
  @Override
  public org.apache.spark.sql.connector.catalog.StagedTable stageCreate(
      Identifier ident, org.apache.spark.sql.connector.catalog.TableInfo info)
      throws TableAlreadyExistsException, NoSuchNamespaceException {
    requireNamespace(ident.namespace());
    if (tableExists(ident)) {
      throw new TableAlreadyExistsException(ident);
    }
    return stage(ident, info.columns(), info.partitions(), false);
  }

  /** {@code REPLACE TABLE ... AS SELECT}: the old table dropped, the new one and its rows added. */
  @Override
  public org.apache.spark.sql.connector.catalog.StagedTable stageReplace(
      Identifier ident, org.apache.spark.sql.connector.catalog.TableInfo info)
      throws NoSuchNamespaceException, NoSuchTableException {
    requireNamespace(ident.namespace());
    if (!tableExists(ident)) {
      throw new NoSuchTableException(ident);
    }
    return stage(ident, info.columns(), info.partitions(), true);
  }

  @Override
  public org.apache.spark.sql.connector.catalog.StagedTable stageCreateOrReplace(
      Identifier ident, org.apache.spark.sql.connector.catalog.TableInfo info)
      throws NoSuchNamespaceException {
    requireNamespace(ident.namespace());
    return stage(ident, info.columns(), info.partitions(), tableExists(ident));
  }

  private org.apache.spark.sql.connector.catalog.StagedTable stage(
      Identifier ident, Column[] columns, Transform[] partitions, boolean replace) {
    Definition d = definition(columns, partitions);
    TableName table = tableName(ident);
    Transaction tx = lake().begin();
    try {
      if (replace) {
        tx.dropTable(table.toString());
      }
      tx.createTable(table.toString(), d.columns(), d.partitioning());
      // the columns as created (with their ids), which the job's writes are checked against
      io.quacklake.WriteTask created = tx.planWrite(table.toString());
      return new StagedQuacklakeTable(
          tx, table, created.columns(), created.partitioning(), settings.storage());
    } catch (RuntimeException e) {
      tx.close();
      throw e;
    }
  }

  /**
   * A Spark partition transform as DuckLake's. Spark's {@code years/months/days/hours} count from
   * 1970 (as Iceberg's): {@code years} groups rows as DuckLake's {@code year} does, the others are
   * DuckLake 1.1's {@code epoch_*} transforms (DuckLake's {@code month/day/hour} are calendar
   * fields, which would put every month's 3rd day in one partition).
   */
  private static PartitionField partitionField(Transform t, String specVersion) {
    NamedReference[] refs = t.references();
    if (refs.length != 1 || refs[0].fieldNames().length != 1) {
      throw QuacklakeException.invalid(
          "partition key %s must name one top-level column", t.describe());
    }
    String column = refs[0].fieldNames()[0];
    return switch (t.name()) {
      case "identity" -> new PartitionField(column, "identity");
      case "years" -> new PartitionField(column, "year");
      case "months", "days", "hours" -> {
        if (specVersion.equals("1.0")) {
          throw QuacklakeException.invalid(
              "Spark's %s counts from 1970, which a DuckLake 1.0 lake cannot partition by (its"
                  + " %s() is a calendar field); partition by years(%s), or migrate the lake to"
                  + " 1.1 ('quacklake migrate --to 1.1-dev1') for epoch partitions",
              t.describe(), t.name().substring(0, t.name().length() - 1), column);
        }
        yield new PartitionField(column, "epoch_" + t.name().substring(0, t.name().length() - 1));
      }
      case "bucket" ->
          PartitionField.bucket(
              ((Number)
                      ((org.apache.spark.sql.connector.expressions.Literal<?>) t.arguments()[0])
                          .value())
                  .intValue(),
              column);
      default ->
          throw QuacklakeException.unsupported(
              "partition transform %s; DuckLake partitions by identity, years, months, days,"
                  + " hours and bucket",
              t.describe());
    };
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) throws NoSuchTableException {
    TableName table = tableName(ident);
    if (!tableExists(ident)) {
      throw new NoSuchTableException(ident);
    }
    commit(
        tx -> {
          for (TableChange change : changes) {
            apply(tx, table.toString(), change);
          }
        });
    return loadTable(ident);
  }

  private static void apply(Transaction tx, String table, TableChange change) {
    if (change instanceof TableChange.AddColumn add) {
      tx.addColumn(
          table, SparkTypes.column(topLevel(add.fieldNames()), add.dataType(), add.isNullable()));
    } else if (change instanceof TableChange.DeleteColumn delete) {
      tx.dropColumn(table, topLevel(delete.fieldNames()));
    } else if (change instanceof TableChange.RenameColumn rename) {
      tx.renameColumn(table, topLevel(rename.fieldNames()), rename.newName());
    } else if (change instanceof TableChange.UpdateColumnType type) {
      tx.setColumnType(
          table,
          topLevel(type.fieldNames()),
          SparkTypes.column(topLevel(type.fieldNames()), type.newDataType(), true).type());
    } else {
      throw QuacklakeException.unsupported(
          "ALTER TABLE change %s; Quacklake adds, drops, renames and widens top-level columns",
          change.getClass().getSimpleName());
    }
  }

  private static String topLevel(String[] fieldNames) {
    if (fieldNames.length != 1) {
      throw QuacklakeException.unsupported(
          "changing nested field %s; only top-level columns can be changed",
          String.join(".", fieldNames));
    }
    return fieldNames[0];
  }

  @Override
  public boolean dropTable(Identifier ident) {
    if (!tableExists(ident)) {
      return false;
    }
    commit(tx -> tx.dropTable(tableName(ident).toString()));
    return true;
  }

  @Override
  public void renameTable(Identifier from, Identifier to)
      throws NoSuchTableException, TableAlreadyExistsException {
    if (!tableExists(from)) {
      throw new NoSuchTableException(from);
    }
    if (tableExists(to)) {
      throw new TableAlreadyExistsException(to);
    }
    TableName source = tableName(from);
    TableName target = tableName(to);
    if (!source.schema().equals(target.schema())) {
      throw QuacklakeException.unsupported(
          "moving table %s to another schema (%s); DuckLake renames tables within their schema",
          source, target.schema());
    }
    commit(tx -> tx.renameTable(source.toString(), target.table()));
  }

  private void commit(Consumer<Transaction> change) {
    try (Transaction tx = lake().begin()) {
      change.accept(tx);
      tx.commit();
    }
  }

  private void requireNamespace(String[] namespace) throws NoSuchNamespaceException {
    if (!namespaceExists(namespace)) {
      throw new NoSuchNamespaceException(namespace);
    }
  }

  private static TableName tableName(Identifier ident) {
    String[] ns = ident.namespace();
    if (ns.length > 1) {
      throw new QuacklakeException(
          ErrorKind.INVALID_ARGUMENT,
          "DuckLake tables live in one-level schemas, not in " + String.join(".", ns));
    }
    return new TableName(ns.length == 0 ? TableName.DEFAULT_SCHEMA : ns[0], ident.name());
  }
}
