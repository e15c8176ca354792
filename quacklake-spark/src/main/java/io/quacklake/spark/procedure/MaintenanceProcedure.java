package io.quacklake.spark.procedure;

import io.quacklake.CheckpointResult;
import io.quacklake.Lake;
import io.quacklake.Maintenance;
import io.quacklake.MaintenanceResult;
import io.quacklake.Snapshot;
import io.quacklake.exceptions.QuacklakeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.catalog.procedures.BoundProcedure;
import org.apache.spark.sql.connector.catalog.procedures.ProcedureParameter;
import org.apache.spark.sql.connector.catalog.procedures.UnboundProcedure;
import org.apache.spark.sql.connector.read.LocalScan;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * DuckLake's maintenance as Spark procedures ({@code CALL lake.system.NAME(...)}), run on the
 * driver through {@link Maintenance}: {@code flush_inlined_data(table)}, {@code
 * merge_adjacent_files(table)}, {@code rewrite_data_files(table, delete_threshold)}, {@code
 * expire_snapshots(older_than)}, {@code cleanup_old_files(older_than)}, {@code
 * delete_orphaned_files(older_than)} and {@code checkpoint()}; {@code older_than} is an interval
 * such as {@code '7 days'}, and omitted it means the lake's own setting.
 */
public final class MaintenanceProcedure implements UnboundProcedure, BoundProcedure {
  /** The procedures, by name. */
  public static final List<String> NAMES =
      List.of(
          "flush_inlined_data",
          "merge_adjacent_files",
          "rewrite_data_files",
          "expire_snapshots",
          "cleanup_old_files",
          "delete_orphaned_files",
          "checkpoint");

  private final String name;
  private final Supplier<Lake> lake;

  public MaintenanceProcedure(String name, Supplier<Lake> lake) {
    if (!NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      throw QuacklakeException.notFound(
          "no procedure system.%s; Quacklake has %s", name, String.join(", ", NAMES));
    }
    this.name = name.toLowerCase(Locale.ROOT);
    this.lake = lake;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "DuckLake " + name.replace('_', ' ') + " (Quacklake maintenance)";
  }

  @Override
  public BoundProcedure bind(StructType inputType) {
    return this;
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public ProcedureParameter[] parameters() {
    ProcedureParameter table =
        ProcedureParameter.in("table", DataTypes.StringType).defaultValue("NULL").build();
    ProcedureParameter olderThan =
        ProcedureParameter.in("older_than", DataTypes.StringType).defaultValue("NULL").build();
    return switch (name) {
      case "flush_inlined_data", "merge_adjacent_files" -> new ProcedureParameter[] {table};
      case "rewrite_data_files" ->
          new ProcedureParameter[] {
            table,
            ProcedureParameter.in("delete_threshold", DataTypes.DoubleType)
                .defaultValue("NULL")
                .build()
          };
      case "checkpoint" -> new ProcedureParameter[0];
      default -> new ProcedureParameter[] {olderThan};
    };
  }

  @Override
  public Iterator<Scan> call(InternalRow args) {
    Maintenance m = lake.get().maintenance();
    Result result =
        switch (name) {
          case "flush_inlined_data" -> files(m.flushInlinedData(text(args, 0)));
          case "merge_adjacent_files" -> files(m.mergeAdjacentFiles(text(args, 0), null));
          case "rewrite_data_files" ->
              files(m.rewriteDataFiles(text(args, 0), args.isNullAt(1) ? null : args.getDouble(1)));
          case "expire_snapshots" -> {
            Instant before = before(args);
            yield snapshots(
                before == null ? m.expireSnapshots(false) : m.expireSnapshots(before, false));
          }
          case "cleanup_old_files" -> {
            Instant before = before(args);
            yield paths(
                before == null
                    ? m.cleanupOldFiles(false, false)
                    : m.cleanupOldFiles(before, false));
          }
          case "delete_orphaned_files" -> {
            Instant before = before(args);
            yield paths(
                before == null
                    ? m.deleteOrphanedFiles(false)
                    : m.deleteOrphanedFiles(before, false));
          }
          default -> checkpoint(m.checkpoint());
        };
    return List.<Scan>of(result).iterator();
  }

  private static String text(InternalRow args, int i) {
    return args.isNullAt(i) ? null : args.getUTF8String(i).toString();
  }

  private static Instant before(InternalRow args) {
    String olderThan = text(args, 0);
    return olderThan == null ? null : Instant.now().minus(Maintenance.parseInterval(olderThan));
  }

  private static Result files(MaintenanceResult r) {
    StructType schema =
        new StructType()
            .add("snapshot_id", DataTypes.LongType)
            .add("files_processed", DataTypes.LongType)
            .add("files_created", DataTypes.LongType)
            .add("rows", DataTypes.LongType);
    return new Result(
        schema,
        List.of(
            new GenericInternalRow(
                new Object[] {
                  r.snapshot().map(Snapshot::id).orElse(null),
                  r.filesProcessed(),
                  r.filesCreated(),
                  r.rows()
                })));
  }

  private static Result snapshots(List<Snapshot> expired) {
    List<InternalRow> rows = new ArrayList<>();
    expired.forEach(s -> rows.add(new GenericInternalRow(new Object[] {s.id()})));
    return new Result(new StructType().add("snapshot_id", DataTypes.LongType), rows);
  }

  private static Result paths(List<String> deleted) {
    List<InternalRow> rows = new ArrayList<>();
    deleted.forEach(p -> rows.add(new GenericInternalRow(new Object[] {UTF8String.fromString(p)})));
    return new Result(new StructType().add("path", DataTypes.StringType), rows);
  }

  private static Result checkpoint(CheckpointResult r) {
    StructType schema =
        new StructType()
            .add("flushed_rows", DataTypes.LongType)
            .add("expired_snapshots", DataTypes.LongType)
            .add("merged_files", DataTypes.LongType)
            .add("rewritten_files", DataTypes.LongType)
            .add("cleaned_up_files", DataTypes.LongType)
            .add("orphaned_files", DataTypes.LongType);
    return new Result(
        schema,
        List.of(
            new GenericInternalRow(
                new Object[] {
                  r.flush().rows(),
                  (long) r.expired().size(),
                  r.merge().filesProcessed(),
                  r.rewrite().filesProcessed(),
                  (long) r.cleanedUp().size(),
                  (long) r.orphans().size()
                })));
  }

  /** A procedure's answer as a local scan. */
  private record Result(StructType schema, List<InternalRow> answer) implements LocalScan {
    @Override
    public InternalRow[] rows() {
      return answer.toArray(new InternalRow[0]);
    }

    @Override
    public StructType readSchema() {
      return schema;
    }
  }
}
