package io.quacklake.internal.lake;

import io.quacklake.TableInfo;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.InlinedDataGateway;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.txn.ColumnAlterations;
import io.quacklake.internal.txn.NewTable;
import io.quacklake.internal.txn.TableChanges;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.internal.write.PartitionKey;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Map;

/**
 * How a transaction sees tables: by name at its base snapshot, minus what it dropped or renamed,
 * plus what it created; and what it may write to each (columns, directory, inlining, partition
 * keys).
 */
public final class TransactionTables {
  private final LakeContext lake;
  private final TransactionState state;
  private final TransactionWrites writes;

  public TransactionTables(LakeContext lake, TransactionState state, TransactionWrites writes) {
    this.lake = lake;
    this.state = state;
    this.writes = writes;
  }

  public SchemaRecord schemaAtBase(String name) {
    for (SchemaRecord s : lake.objects().schemas(state.base().snapshotId())) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  public Location schemaDirectory(String schema) {
    if (state.schemaCreated(schema)) {
      return state.newSchema(schema).directory();
    }
    SchemaRecord s = schemaAtBase(schema);
    if (s == null || state.schemaDropped(schema)) {
      throw QuacklakeException.notFound("schema %s does not exist; create it first", schema);
    }
    state.knownSchema(s.schemaId(), s.name());
    return lake.paths().schemaDir(s);
  }

  public boolean exists(TableName name) {
    if (state.newTable(name) != null) {
      return true;
    }
    try {
      existing(name);
      return true;
    } catch (QuacklakeException e) {
      if (e.kind() == io.quacklake.exceptions.ErrorKind.CONFLICT) {
        throw e;
      }
      return false;
    }
  }

  public ResolvedTable existing(TableName name) {
    return atBase(() -> existingAtBase(name));
  }

  /**
   * Runs a read of the transaction's base snapshot; when the snapshot was expired meanwhile, the
   * failure is a CONFLICT (retry the transaction), not a missing table.
   */
  private <T> T atBase(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (QuacklakeException e) {
      long base = state.base().snapshotId();
      if (e.kind() == io.quacklake.exceptions.ErrorKind.NOT_FOUND
          && lake.snapshots().byId(base) == null) {
        throw new QuacklakeException(
            io.quacklake.exceptions.ErrorKind.CONFLICT,
            "snapshot "
                + base
                + ", which this transaction reads, was expired by maintenance while it ran;"
                + " nothing was committed: retry the transaction",
            e);
      }
      throw e;
    }
  }

  private ResolvedTable existingAtBase(TableName name) {
    for (Map.Entry<Long, TableName> e : renamedView().entrySet()) {
      if (e.getValue().equals(name)) {
        return lake.tables()
            .resolve(
                lake.tables().tables(state.base().snapshotId()).stream()
                    .filter(t -> t.tableId() == e.getKey())
                    .findFirst()
                    .orElseThrow()
                    .name(),
                state.base().snapshotId());
      }
    }
    ResolvedTable t = lake.tables().resolve(name, state.base().snapshotId());
    long id = t.table().tableId();
    if (state.tableDropped(id) || state.renamedTo(id) != null) {
      throw QuacklakeException.notFound("table %s does not exist in this transaction", name);
    }
    return t;
  }

  private Map<Long, TableName> renamedView() {
    Map<Long, TableName> out = new java.util.HashMap<>();
    for (TableInfo t : lake.tables().tables(state.base().snapshotId())) {
      TableName to = state.renamedTo(t.tableId());
      if (to != null) {
        out.put(t.tableId(), to);
      }
    }
    return out;
  }

  public Target target(TableName name) {
    NewTable created = state.newTable(name);
    if (created != null) {
      Long schemaId = schemaIdAtBase(name.schema());
      return new Target(
          null,
          created.columns(),
          created.directory(),
          state.changes(name),
          // Where DDL commits the transaction, the inlined-data table comes after the commit.
          lake.catalog().dialect().transactionalDdl()
              && writes.settings(schemaId, null).inliningLimit() > 0,
          PartitionSpec.keys(created.columns(), created.partitioning(), 0),
          schemaId,
          null);
    }
    ResolvedTable t = existing(name);
    if (state.changesSchemaOf(t.table().tableId())) {
      throw QuacklakeException.unsupported(
          "changing rows of %s after altering it in the same transaction; commit the alteration"
              + " first",
          name);
    }
    long tableId = t.table().tableId();
    boolean inlining =
        inliningReady.computeIfAbsent(
            tableId,
            id ->
                lake.catalog()
                    .read(
                        "inlined tables of " + name, c -> InlinedDataGateway.inliningReady(c, id)));
    if (!inlining && writes.settings(t.table().schemaId(), tableId).inliningLimit() > 0) {
      inlining = createInlinedTable(name, tableId);
      inliningReady.put(tableId, inlining);
    }
    List<PartitionKey> keys =
        partitionKeys.computeIfAbsent(
            tableId,
            id ->
                PartitionSpec.keys(
                    t.columns(),
                    atBase(() -> lake.tables().partitioning(name, state.base().snapshotId())),
                    0));
    return new Target(
        t,
        t.columns(),
        t.directory(),
        state.changes(tableId),
        inlining,
        keys,
        t.table().schemaId(),
        tableId);
  }

  /** Per table at the base snapshot, read once per transaction. */
  private final Map<Long, Boolean> inliningReady = new java.util.HashMap<>();

  private final Map<Long, List<PartitionKey>> partitionKeys = new java.util.HashMap<>();

  /** The id of a schema at the transaction's base snapshot, or null for one it creates. */
  private Long schemaIdAtBase(String schema) {
    for (SchemaRecord s : lake.objects().schemas(state.base().snapshotId())) {
      if (s.name().equals(schema)) {
        return s.schemaId();
      }
    }
    return null;
  }

  /** A table as this transaction writes it. */
  /**
   * On MySQL and MariaDB, creates the inlined-data table a commit's post-commit step left out (a
   * crash or an error in between); when that fails too (another writer creating it at the same
   * time), this transaction's small inserts go to Parquet.
   */
  private boolean createInlinedTable(TableName name, long tableId) {
    try {
      return lake.catalog()
          .write(
              "creating the inlined-data table of " + name,
              c -> io.quacklake.internal.catalog.InlinedWrites.createForCurrentVersion(c, tableId));
    } catch (QuacklakeException e) {
      return false;
    }
  }

  /**
   * @param schemaId the table's schema, null for one this transaction creates
   * @param tableId the table, null for one this transaction creates
   */
  record Target(
      ResolvedTable resolved,
      List<LakeColumn> columns,
      Location directory,
      TableChanges changes,
      boolean inlining,
      List<PartitionKey> partitionKeys,
      Long schemaId,
      Long tableId) {}

  /** An existing table being altered, with its columns after the alterations so far. */
  public record Altered(TableName name, ResolvedTable table, List<LakeColumn> columns) {}

  public Altered altered(String name) {
    TableName table = TableName.parse(name);
    if (state.newTable(table) != null) {
      throw QuacklakeException.unsupported(
          "altering table %s created in the same transaction; create it with its final columns",
          table);
    }
    ResolvedTable t = existing(table);
    long id = t.table().tableId();
    if (state.changesRows(id)) {
      throw QuacklakeException.unsupported(
          "altering table %s after changing its rows in the same transaction; commit first", table);
    }
    return new Altered(table, t, ColumnAlterations.apply(t.columns(), state.alterations(id)));
  }

  public static LakeColumn find(List<LakeColumn> columns, String name) {
    for (LakeColumn c : columns) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  public static LakeColumn existingColumn(Altered t, String column) {
    LakeColumn c = find(t.columns(), column);
    if (c == null) {
      throw QuacklakeException.notFound(
          "table %s has no column %s; its columns are %s",
          t.name(), column, t.columns().stream().map(LakeColumn::name).toList());
    }
    return c;
  }
}
