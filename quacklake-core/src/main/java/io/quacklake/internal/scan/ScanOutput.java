package io.quacklake.internal.scan;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a scan returns, in order: table columns and {@link VirtualColumn}s as selected, then the
 * {@link RowLocationColumns} when asked for.
 *
 * <p>A class rather than a record: public serializable types hold it, and javadoc's serialized form
 * fails on a record of an undocumented package.
 */
public final class ScanOutput implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Column> columns;
  private final boolean rowLocations;

  /** A table column or a virtual column (exactly one is set). */
  public record Column(LakeColumn table, VirtualColumn virtual) implements java.io.Serializable {
    public Column {
      if ((table == null) == (virtual == null)) {
        throw new IllegalArgumentException("an output column is a table or a virtual column");
      }
    }
  }

  /**
   * @param columns the selected columns in output order
   * @param rowLocations whether the row-location columns follow
   */
  public ScanOutput(List<Column> columns, boolean rowLocations) {
    this.columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
    this.rowLocations = rowLocations;
  }

  public List<Column> columns() {
    return columns;
  }

  public boolean rowLocations() {
    return rowLocations;
  }

  /** Every column of a table, in table order. */
  public static ScanOutput of(List<LakeColumn> tableColumns, boolean rowLocations) {
    return new ScanOutput(
        tableColumns.stream().map(c -> new Column(c, null)).toList(), rowLocations);
  }

  /** The selected table columns, in output order. */
  public List<LakeColumn> tableColumns() {
    return columns.stream().filter(c -> c.table() != null).map(Column::table).toList();
  }

  /** Whether files must be read with each row's identity (virtual or location columns). */
  public boolean rowIdentity() {
    return rowLocations || columns.stream().anyMatch(c -> c.virtual() != null);
  }

  /** The Arrow schema of the output batches. */
  public Schema schema() {
    List<Field> fields = new ArrayList<>();
    for (Column c : columns) {
      fields.add(c.table() != null ? ArrowTypes.field(c.table()) : c.virtual().field());
    }
    Schema schema = new Schema(fields);
    return rowLocations ? RowLocationColumns.append(schema) : schema;
  }
}
