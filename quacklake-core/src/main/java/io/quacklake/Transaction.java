package io.quacklake;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.internal.catalog.ObjectWrites;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.lake.NestedFields;
import io.quacklake.internal.lake.PartitionSpec;
import io.quacklake.internal.lake.RowOperations;
import io.quacklake.internal.lake.TransactionTables;
import io.quacklake.internal.lake.TransactionView;
import io.quacklake.internal.lake.TransactionViews;
import io.quacklake.internal.lake.TransactionWrites;
import io.quacklake.internal.lake.VersionGate;
import io.quacklake.internal.txn.ColumnChange;
import io.quacklake.internal.txn.NewSchema;
import io.quacklake.internal.txn.NewTable;
import io.quacklake.internal.txn.NewView;
import io.quacklake.internal.txn.SortKeyNames;
import io.quacklake.internal.txn.StoredPaths;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.internal.types.ArrowTypeMapping;
import io.quacklake.internal.types.TypeWidening;
import io.quacklake.internal.write.ColumnIds;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A unit of work over one or more tables: its reads see its base snapshot, its writes become one
 * snapshot at {@link #commit()}, or nothing at {@link #rollback()} (files it wrote are removed). A
 * transaction belongs to one thread.
 *
 * <p>Reads ({@link #scan}) and row-changing statements see the base snapshot plus this
 * transaction's own earlier statements: rows it appended, deleted or updated.
 */
public final class Transaction implements AutoCloseable {
  private final Lake lake;
  private final LakeContext context;
  private final TransactionState state;
  private final TransactionWrites writes;
  private final TransactionTables tables;
  private final RowOperations rows;
  private final TransactionViews views;
  private final io.quacklake.internal.lake.FileRegistration registration;
  private final io.quacklake.internal.lake.RemoteWrites remote;

  /** How the transaction ended ({@code commit()}, ...), or null while it is open. */
  private String endedBy;

  Transaction(Lake lake, LakeContext context, SnapshotRecord base) {
    this.lake = lake;
    this.context = context;
    this.state = new TransactionState(base);
    this.writes = new TransactionWrites(context, state);
    this.tables = new TransactionTables(context, state, writes);
    this.rows = new RowOperations(context, state, tables, writes);
    this.views = new TransactionViews(context, state);
    this.registration = new io.quacklake.internal.lake.FileRegistration(context, tables);
    this.remote = new io.quacklake.internal.lake.RemoteWrites(context, state, tables, writes);
  }

  /** The snapshot this transaction reads. */
  public long baseSnapshotId() {
    return state.base().snapshotId();
  }

  /** Author, message and extra information stored with the commit. */
  public Transaction commitMessage(String author, String message, String extraInfo) {
    open();
    state.commitMessage(author, message, extraInfo);
    return this;
  }

  public void createSchema(String name) {
    createSchema(name, null);
  }

  /**
   * Creates a schema whose tables keep their files under {@code dataPath} (an absolute directory on
   * the lake's storage) rather than under the lake's data path; null is the default, {@code <data
   * path>/<name>/}. A directory under the data path is stored relative to it, any other absolute,
   * as DuckDB stores paths.
   *
   * @throws QuacklakeException ALREADY_EXISTS for an existing schema; INVALID_ARGUMENT for a
   *     relative path or one on other storage
   */
  public void createSchema(String name, String dataPath) {
    open();
    if (name == null || name.isBlank()) {
      throw QuacklakeException.invalid("a schema needs a name");
    }
    if (tables.schemaAtBase(name) != null || state.schemaCreated(name)) {
      throw new QuacklakeException(ErrorKind.ALREADY_EXISTS, "schema " + name + " already exists");
    }
    UUID uuid = UuidV7.next();
    Location root = context.paths().root();
    StoredPaths paths =
        dataPath == null
            ? defaultPaths(root, name, uuid)
            : StoredPaths.of(root, dataPath, "schema " + name);
    state.createSchema(
        new NewSchema(name, uuid, paths.path(), paths.relative(), paths.directory()));
  }

  /** DuckDB's directory of a new schema or table: its name when path-safe, else its uuid. */
  private static StoredPaths defaultPaths(Location parent, String name, UUID uuid) {
    String path = (name.matches("[A-Za-z0-9_-]+") ? name : uuid.toString()) + "/";
    return new StoredPaths(path, true, parent.resolve(path));
  }

  /** Drops an empty schema. */
  public void dropSchema(String name) {
    dropSchema(name, false);
  }

  /**
   * Drops a schema; with {@code cascade} its tables and views go with it (DuckDB's {@code DROP
   * SCHEMA ... CASCADE}), otherwise it must be empty.
   */
  public void dropSchema(String name, boolean cascade) {
    open();
    SchemaRecord s = tables.schemaAtBase(name);
    if (s == null || state.schemaDropped(name)) {
      throw QuacklakeException.notFound("schema %s does not exist", name);
    }
    List<TableName> members = new ArrayList<>();
    lake.tables(baseSnapshotId()).stream()
        .filter(t -> t.name().schema().equals(name) && !state.tableDropped(t.tableId()))
        .forEach(t -> members.add(t.name()));
    members.addAll(views.namesIn(name));
    if (!members.isEmpty() && !cascade) {
      throw QuacklakeException.invalid(
          "schema %s still has tables or views %s; drop them first or drop it with cascade",
          name, members);
    }
    for (TableName member : members) {
      if (views.exists(member)) {
        dropView(member.toString());
      } else {
        dropTable(member.toString());
      }
    }
    state.dropSchema(s);
  }

  /**
   * Creates a view. The query is stored as given; DuckDB reads it as DuckDB SQL in which {@code
   * {DUCKLAKE_CATALOG}} stands for the lake's attached name (as DuckDB writes it).
   */
  public void createView(String name, String sql) {
    open();
    TableName view = TableName.parse(name);
    if (sql == null || sql.isBlank()) {
      throw QuacklakeException.invalid("view %s needs a query", view);
    }
    if (tables.exists(view) || views.exists(view)) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS, "a table or view named " + view + " already exists");
    }
    tables.schemaDirectory(view.schema());
    state.createView(new NewView(view, sql, ""));
  }

  /**
   * {@code COMMENT ON TABLE} / {@code COMMENT ON VIEW}: sets the comment of an existing table or
   * view, or removes it ({@code null}), as DuckDB stores it (a {@code comment} tag). DuckDB has no
   * comments on schemas.
   *
   * @throws QuacklakeException NOT_FOUND when no table or view has that name
   */
  public void setComment(String name, String comment) {
    open();
    TableName n = TableName.parse(name);
    if (views.exists(n)) {
      state.comment(views.existing(n).viewId(), true, comment);
      return;
    }
    state.comment(tables.existing(n).table().tableId(), false, comment);
  }

  /**
   * {@code COMMENT ON COLUMN}: sets the comment of a top-level column of an existing table, or
   * removes it ({@code null}).
   *
   * @throws QuacklakeException NOT_FOUND when the table or column does not exist
   */
  public void setColumnComment(String table, String column, String comment) {
    open();
    io.quacklake.internal.scan.ResolvedTable t = tables.existing(TableName.parse(table));
    LakeColumn c =
        t.columns().stream()
            .filter(x -> x.name().equalsIgnoreCase(column))
            .findFirst()
            .orElseThrow(
                () ->
                    QuacklakeException.notFound(
                        "table %s has no column %s; its columns are %s",
                        table, column, t.columns().stream().map(LakeColumn::name).toList()));
    state.commentColumn(t.table().tableId(), c.id(), comment);
  }

  public void dropView(String name) {
    open();
    TableName view = TableName.parse(name);
    if (state.dropNewView(view)) {
      return;
    }
    state.dropView(views.existing(view));
  }

  /** Creates a table from DuckLake columns (ids are allocated here). */
  public void createTable(String name, List<LakeColumn> columns) {
    createTable(name, columns, List.of());
  }

  /** Creates a partitioned table (see {@link #setPartitioning}). */
  public void createTable(
      String name, List<LakeColumn> columns, List<PartitionField> partitioning) {
    createTable(name, columns, partitioning, null);
  }

  /**
   * Creates a table whose files go under {@code dataPath} (an absolute directory on the lake's
   * storage) rather than its schema's directory; null is the default, {@code <schema
   * directory>/<name>/}. Stored relative to the schema's directory when under it, else absolute.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a relative path or one on other storage
   */
  public void createTable(
      String name, List<LakeColumn> columns, List<PartitionField> partitioning, String dataPath) {
    open();
    TableName table = TableName.parse(name);
    if (columns.isEmpty()) {
      throw QuacklakeException.invalid("table %s needs at least one column", table);
    }
    if (tables.exists(table) || views.exists(table)) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS, "a table or view named " + table + " already exists");
    }
    Location schemaDir = tables.schemaDirectory(table.schema());
    UUID uuid = UuidV7.next();
    StoredPaths paths =
        dataPath == null
            ? defaultPaths(schemaDir, table.table(), uuid)
            : StoredPaths.of(schemaDir, dataPath, "table " + table);
    for (LakeColumn c : columns) {
      VersionGate.columnName(context.catalog().version(), c.name());
    }
    refuseNestedVariant(columns, true);
    VersionGate.partitioning(context.catalog().version(), partitioning);
    List<LakeColumn> withIds = ColumnIds.assign(columns, 1);
    PartitionSpec.keys(withIds, partitioning, 0);
    state.createTable(
        new NewTable(
            table, uuid, withIds, paths.path(), paths.relative(), paths.directory(), partitioning));
  }

  /** Creates a table from an Arrow schema (see {@code docs/type-mapping.md}). */
  public void createTable(String name, Schema schema) {
    List<LakeColumn> columns = new ArrayList<>();
    for (Field f : schema.getFields()) {
      columns.add(ArrowTypeMapping.column(f));
    }
    createTable(name, columns);
  }

  public void dropTable(String name) {
    open();
    TableName table = TableName.parse(name);
    if (state.dropNewTable(table)) {
      return;
    }
    state.dropTable(tables.existing(table).table());
  }

  public void renameTable(String name, String newName) {
    open();
    TableName from = TableName.parse(name);
    TableName to = new TableName(from.schema(), newName);
    if (state.newTable(from) != null) {
      throw QuacklakeException.unsupported(
          "renaming table %s created in the same transaction; create it under its final name",
          from);
    }
    if (tables.exists(to)) {
      throw new QuacklakeException(ErrorKind.ALREADY_EXISTS, "table " + to + " already exists");
    }
    state.renameTable(tables.existing(from).table(), to);
  }

  /**
   * Adds a top-level column (nullable unless declared otherwise, with an optional default given as
   * DuckDB text in {@code initialDefault}/{@code defaultValue}); rows written before read as the
   * default. The column's id is one past the largest id the table ever used.
   */
  public void addColumn(String name, LakeColumn column) {
    open();
    refuseNestedVariant(List.of(column), true);
    VersionGate.columnName(context.catalog().version(), column.name());
    TransactionTables.Altered t = tables.altered(name);
    if (TransactionTables.find(t.columns(), column.name()) != null) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS,
          "table " + t.name() + " already has a column named " + column.name());
    }
    state.alter(t.table().table().tableId(), new ColumnChange.Add(withNewIds(t, column), null));
  }

  /**
   * {@code ALTER TABLE ... ADD COLUMN s.f TYPE}: adds a field to a struct, at any depth ({@code
   * structPath} such as {@code s}, {@code l.element} or {@code m.value.inner}); rows written before
   * read it as its default (its initial default, else its {@code DEFAULT}, else NULL, as DuckDB's
   * {@code ADD COLUMN s.f TYPE DEFAULT v} records both). Its id is allocated as a column's.
   *
   * @throws QuacklakeException NOT_FOUND for a path that does not exist; INVALID_ARGUMENT when it
   *     is not a struct; ALREADY_EXISTS when the struct has a field of that name
   */
  public void addField(String name, String structPath, LakeColumn field) {
    open();
    refuseNestedVariant(List.of(field), false);
    TransactionTables.Altered t = tables.altered(name);
    LakeColumn struct = NestedFields.find(t.name().toString(), t.columns(), structPath).field();
    if (struct.type().id() != io.quacklake.types.TypeId.STRUCT) {
      throw QuacklakeException.invalid(
          "%s.%s is %s, not a struct; fields are added to structs",
          t.name(), structPath, struct.sqlTypeName());
    }
    if (TransactionTables.find(struct.children(), field.name()) != null) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS,
          "struct " + structPath + " of " + t.name() + " already has a field " + field.name());
    }
    LakeColumn nullable =
        new LakeColumn(
            field.id(),
            field.name(),
            field.type(),
            true,
            field.initialDefault() != null ? field.initialDefault() : field.defaultValue(),
            field.defaultValue(),
            field.children());
    state.alter(
        t.table().table().tableId(), new ColumnChange.Add(withNewIds(t, nullable), struct.id()));
  }

  /**
   * {@code ALTER TABLE ... DROP COLUMN s.f}: drops a struct's field (and what it holds).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a list's element, a map's key or value, or a
   *     struct's only field
   */
  public void dropField(String name, String fieldPath) {
    open();
    TransactionTables.Altered t = tables.altered(name);
    NestedFields.Found f = NestedFields.find(t.name().toString(), t.columns(), fieldPath);
    if (f.parent() == null) {
      dropColumn(name, f.field().name());
      return;
    }
    structField(t, f, fieldPath);
    if (f.parent().children().size() == 1) {
      throw QuacklakeException.invalid(
          "cannot drop %s, the only field of its struct in %s", fieldPath, t.name());
    }
    state.alter(t.table().table().tableId(), new ColumnChange.Drop(f.field()));
  }

  /** {@code ALTER TABLE ... RENAME COLUMN s.f TO g}: renames a struct's field; its id stays. */
  public void renameField(String name, String fieldPath, String newName) {
    open();
    TransactionTables.Altered t = tables.altered(name);
    NestedFields.Found f = NestedFields.find(t.name().toString(), t.columns(), fieldPath);
    if (f.parent() == null) {
      renameColumn(name, f.field().name(), newName);
      return;
    }
    structField(t, f, fieldPath);
    if (TransactionTables.find(f.parent().children(), newName) != null) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS,
          "the struct of " + fieldPath + " already has a field " + newName);
    }
    state.alter(
        t.table().table().tableId(), new ColumnChange.Rename(f.field(), newName, f.parent().id()));
  }

  private static void structField(
      TransactionTables.Altered t, NestedFields.Found f, String fieldPath) {
    if (f.parent().type().id() != io.quacklake.types.TypeId.STRUCT) {
      throw QuacklakeException.invalid(
          "%s of %s is a %s's %s, which cannot be dropped or renamed",
          fieldPath, t.name(), f.parent().sqlTypeName(), f.field().name());
    }
  }

  /** VARIANT is a top-level column type here: nested variants are neither read nor inlined yet. */
  private static void refuseNestedVariant(List<LakeColumn> columns, boolean topLevel) {
    for (LakeColumn c : columns) {
      if (!topLevel && c.type().id() == io.quacklake.types.TypeId.VARIANT) {
        throw QuacklakeException.unsupported(
            "VARIANT field '%s' inside a nested type: Quacklake stores VARIANT as a top-level"
                + " column only",
            c.name());
      }
      refuseNestedVariant(c.children(), false);
    }
  }

  /** {@code column} with ids one past the largest the table ever used (its children's too). */
  private LakeColumn withNewIds(TransactionTables.Altered t, LakeColumn column) {
    long first =
        Math.max(
                ColumnIds.maxId(t.columns()),
                context
                    .catalog()
                    .read(
                        "column ids of " + t.name(),
                        c -> ObjectWrites.maxColumnId(c, t.table().table().tableId())))
            + 1;
    LakeColumn withIds =
        ColumnIds.assign(
                List.of(column),
                Math.max(first, state.nextColumnId(t.table().table().tableId(), first)))
            .get(0);
    state.useColumnIds(t.table().table().tableId(), ColumnIds.maxId(List.of(withIds)) + 1);
    return withIds;
  }

  /** Drops a top-level column and its nested fields. */
  public void dropColumn(String name, String column) {
    open();
    TransactionTables.Altered t = tables.altered(name);
    LakeColumn c = TransactionTables.existingColumn(t, column);
    if (t.columns().size() == 1) {
      throw QuacklakeException.invalid("cannot drop %s, the only column of %s", column, t.name());
    }
    long tableId = t.table().table().tableId();
    List<SortField> sorted =
        SortKeyNames.renamed(
            state
                .sortKeysOf(tableId)
                .orElseGet(() -> context.tables().sortKeys(tableId, baseSnapshotId())),
            state.alterations(tableId));
    for (SortField k : sorted) {
      if (io.quacklake.internal.write.RowSorter.reads(k, t.columns(), c)) {
        throw QuacklakeException.invalid(
            "cannot drop column %s: table %s is sorted by it (%s); change or reset its sort order"
                + " first",
            column, t.name(), k);
      }
    }
    state.alter(t.table().table().tableId(), new ColumnChange.Drop(c));
  }

  /** Renames a top-level column; its id, type and data stay. */
  public void renameColumn(String name, String column, String newName) {
    open();
    TransactionTables.Altered t = tables.altered(name);
    LakeColumn c = TransactionTables.existingColumn(t, column);
    VersionGate.columnName(context.catalog().version(), newName);
    if (TransactionTables.find(t.columns(), newName) != null) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS, "table " + t.name() + " already has a column named " + newName);
    }
    state.alter(t.table().table().tableId(), new ColumnChange.Rename(c, newName, null));
  }

  /**
   * Widens a top-level column's type as DuckDB allows (to a wider integer, or to a floating type
   * that holds every value); files keep their old physical type and are cast when read.
   */
  public void setColumnType(String name, String column, LakeType type) {
    open();
    TransactionTables.Altered t = tables.altered(name);
    LakeColumn c = TransactionTables.existingColumn(t, column);
    if (!TypeWidening.allowed(c.type(), type)) {
      throw QuacklakeException.invalid(
          "cannot change %s.%s from %s to %s: only widening changes are allowed (e.g. INTEGER to"
              + " BIGINT, FLOAT to DOUBLE)",
          t.name(), column, c.type(), type);
    }
    state.alter(t.table().table().tableId(), new ColumnChange.SetType(c, type));
  }

  /**
   * Partitions the table's future files by these keys ({@code identity}, {@code year}, {@code
   * month}, {@code day}, {@code hour}, {@code bucket(N)}, and on DuckLake 1.1 lakes {@code
   * epoch_year} ... {@code epoch_hour}, of top-level columns); an empty list removes partitioning.
   * Existing files keep their layout.
   */
  public void setPartitioning(String name, List<PartitionField> keys) {
    open();
    TransactionTables.Altered t = tables.altered(name);
    VersionGate.partitioning(context.catalog().version(), keys);
    PartitionSpec.keys(t.columns(), keys, 0);
    state.partition(t.table().table().tableId(), keys);
  }

  /**
   * {@code SET SORTED BY}: rows inserted from now on are written in this order (unless the option
   * {@code sort_on_insert} is false), and so are inlined rows when they are flushed; existing files
   * keep their order. Keys are column names or expressions of the table's columns; an empty list is
   * {@code RESET SORTED BY}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a key that does not evaluate on the table's
   *     columns, or one of a nested type
   */
  public void setSortedBy(String name, List<SortField> keys) {
    open();
    TransactionTables.Altered t = tables.altered(name);
    io.quacklake.internal.write.RowSorter.bind(t.columns(), keys);
    state.sortBy(t.table().table().tableId(), keys);
  }

  /**
   * A scan of a table as this transaction sees it: its base snapshot plus its own writes.
   *
   * @throws QuacklakeException NOT_FOUND for a table that neither exists at the base snapshot nor
   *     was created by this transaction
   */
  public TableScan scan(String name) {
    open();
    TableName table = TableName.parse(name);
    tables.target(table);
    return new TableScan(
        lake,
        context,
        lake.table(name),
        new TransactionView(context, tables, table, baseSnapshotId()));
  }

  /** Appends the rows of a batch (columns matched by name, integer and float types widened). */
  public void append(String name, VectorSchemaRoot batch) {
    open();
    rows.append(name, batch);
  }

  /**
   * An appender for many batches of one table: its rows fill data files up to the target size
   * instead of one file (or more) per {@link #append} call. The rows become part of the transaction
   * when the appender closes, or when the transaction next does anything else (reads, deletes,
   * commits); until then the transaction's own reads do not see them. If an appender fails after
   * some of its rows were written, the transaction can only roll back.
   */
  public TableAppender appender(String name) {
    open();
    return new TableAppender(this, name);
  }

  /** An appender's batch, into the table's open data file. */
  void appendOpen(String name, VectorSchemaRoot batch) {
    openForAppend();
    rows.appendOpen(name, batch);
  }

  /** Makes the rows of every appender part of the transaction, unless it has ended. */
  void sealAppends() {
    if (endedBy == null) {
      open();
    }
  }

  /**
   * Appends rows given as plain Java values (see {@link io.quacklake.types.LakeValues}), keyed by
   * column name. A missing column takes its default (or NULL); an unknown name is an error.
   */
  public void insert(String name, List<? extends Map<String, ?>> values) {
    open();
    rows.insert(name, values);
  }

  /**
   * Registers existing Parquet files in a table without copying them, as DuckDB's {@code
   * ducklake_add_data_files} does: columns are matched by name (case-insensitively, nested fields
   * too), {@code key=value} directories in a path give the values of columns the file does not
   * hold, statistics come from the footers. Files outside the lake's data path are never deleted by
   * the lake.
   *
   * @param paths local paths or store locations ({@code s3://…})
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT naming the column when a
   *     file does not fit the table (see {@link AddFilesOptions}); NOT_FOUND for a missing file
   */
  public void addDataFiles(String name, List<String> paths, AddFilesOptions options) {
    open();
    registration.add(TableName.parse(name), paths, options);
  }

  /**
   * Plans writing data files of table {@code name} elsewhere — other threads, processes or machines
   * — without the catalog: each worker {@link WriteTask#open opens} a {@link TaskWriter}, and the
   * files they return are added with {@link #addWrittenFiles} and committed with this transaction,
   * in one snapshot, under the usual conflict rules. The table may be one this transaction creates
   * (create-table-as-select in one snapshot).
   *
   * @throws io.quacklake.exceptions.QuacklakeException NOT_FOUND for a missing table; UNSUPPORTED
   *     for a table altered in this transaction (commit that first)
   */
  public WriteTask planWrite(String name) {
    open();
    TableName table = TableName.parse(name);
    io.quacklake.internal.lake.RemoteWrites.Plan p = remote.plan(table);
    return new WriteTask(
        table.toString(),
        p.tableId(),
        p.columns(),
        p.partitioning(),
        p.directory(),
        p.dataRoot(),
        p.options(),
        p.targetFileSize());
  }

  /**
   * Adds files workers wrote for {@link #planWrite(String) planWrite(name)}: the commit publishes
   * them as this transaction's appends; if it fails or the transaction is rolled back, they are
   * deleted.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT for files planned for
   *     another table
   */
  public void addWrittenFiles(String name, List<WrittenDataFile> files) {
    open();
    List<io.quacklake.internal.write.PendingDataFile> pending = new ArrayList<>();
    List<Long> tableIds = new ArrayList<>();
    List<java.time.Instant> writtenAt = new ArrayList<>();
    for (WrittenDataFile f : files) {
      pending.add(f.file());
      tableIds.add(f.tableId());
      writtenAt.add(f.writtenAt());
    }
    remote.add(TableName.parse(name), pending, tableIds, writtenAt);
  }

  /**
   * Deletes every file workers wrote for {@code task} — also those never reported, such as the
   * files of a task that finished after its job had failed — and forgets the ones added with {@link
   * #addWrittenFiles}. Call it when the distributed write is abandoned; the transaction stays open.
   *
   * @return how many files were deleted
   */
  public int discardWrite(WriteTask task) {
    open();
    return remote.discard(task.directory(), task.writeId());
  }

  /**
   * Deletes the rows matching {@code filter} (every row when it is null), including rows this
   * transaction wrote.
   */
  public long delete(String name, Expression filter) {
    open();
    return rows.delete(name, filter);
  }

  public long delete(String name, String filterSql) {
    return delete(name, Expressions.parse(filterSql));
  }

  /**
   * Deletes rows by their locations, as a scan {@link TableScan#withRowLocations() with row
   * locations} of this transaction's {@link #baseSnapshotId() base snapshot} found them (begin the
   * transaction with {@link Lake#begin(long)} at the scan's snapshot); returns how many.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a data file or inlined row the table does not
   *     hold at the base snapshot
   */
  public long deleteRows(String name, RowLocations rows) {
    open();
    return this.rows.deleteRows(name, rows);
  }

  /**
   * Sets columns of the rows matching {@code filter} to new values, keeping each row's id (a delete
   * of the old version plus an insert of the new one); returns how many rows changed.
   *
   * @param set column name → new value: a plain Java value of the column's type, null, or an {@link
   *     Expression} computed from each matched row's values before the update ({@code
   *     Expressions.parse("price * 1.1")}), converted to the column's type as DuckDB assigns it
   * @throws QuacklakeException INVALID_ARGUMENT naming the table and column when a matched row
   *     would hold NULL in a NOT NULL column, or when an expression fails for a row
   */
  public long update(String name, Map<String, ?> set, Expression filter) {
    open();
    return rows.update(name, set, filter);
  }

  public long update(String name, Map<String, ?> set, String filterSql) {
    return update(name, set, Expressions.parse(filterSql));
  }

  /**
   * Upserts a batch on key columns: rows whose keys match an existing row replace it (keeping its
   * row id), the others are inserted. Rows with a NULL key never match.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the batch holds a key twice
   */
  public MergeResult merge(String name, VectorSchemaRoot batch, List<String> keyColumns) {
    open();
    return rows.merge(name, batch, keyColumns);
  }

  /**
   * Commits everything as one snapshot.
   *
   * @throws QuacklakeException CONFLICT when a concurrent commit conflicts (nothing is left behind;
   *     retry the transaction)
   */
  public Snapshot commit() {
    open();
    endedBy = "commit()";
    if (state.isEmpty()) {
      return lake.snapshot(baseSnapshotId());
    }
    try {
      return Lake.toSnapshot(context.commit(state, writes));
    } catch (QuacklakeException e) {
      if (e.kind() != ErrorKind.COMMIT_STATE_UNKNOWN) {
        context.removeFiles(state.writtenFiles());
      }
      throw e;
    }
  }

  /**
   * Discards everything and removes the files this transaction wrote; does nothing once the
   * transaction has ended.
   */
  public void rollback() {
    end("rollback()");
  }

  /** Rolls back unless the transaction has ended (committed or rolled back). */
  @Override
  public void close() {
    end("close()");
  }

  private void end(String by) {
    if (endedBy == null) {
      endedBy = by;
      rows.abandon();
      context.removeFiles(state.writtenFiles());
    }
  }

  /**
   * Checks the transaction is open and finishes the data files appenders keep open, so what follows
   * sees every row appended so far.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the transaction has ended
   */
  private void open() {
    openForAppend();
    rows.seal();
  }

  /**
   * @throws QuacklakeException INVALID_ARGUMENT when the transaction has ended
   */
  private void openForAppend() {
    if (endedBy != null) {
      throw QuacklakeException.invalid(
          "this transaction (on snapshot %d) already ended with %s; begin a new one with"
              + " Lake.begin()",
          baseSnapshotId(), endedBy);
    }
  }
}
