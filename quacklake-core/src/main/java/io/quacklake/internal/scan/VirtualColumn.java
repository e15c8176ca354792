package io.quacklake.internal.scan;

import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The columns DuckDB exposes on every DuckLake table besides its own: selectable by name in a scan
 * when the table has no column of that name.
 */
public enum VirtualColumn {
  /** The row's DuckLake row id (BIGINT). */
  ROWID("rowid", new ArrowType.Int(64, true)),
  /** The snapshot that inserted the row (BIGINT), its file's begin snapshot unless recorded. */
  SNAPSHOT_ID("snapshot_id", new ArrowType.Int(64, true)),
  /** The data file's full path, or the inlined-data table's name for rows in the catalog. */
  FILENAME("filename", ArrowType.Utf8.INSTANCE),
  /** The row's 0-based position in its data file; its row id for rows in the catalog. */
  FILE_ROW_NUMBER("file_row_number", new ArrowType.Int(64, true));

  private final String columnName;
  private final ArrowType type;

  VirtualColumn(String columnName, ArrowType type) {
    this.columnName = columnName;
    this.type = type;
  }

  public String columnName() {
    return columnName;
  }

  /**
   * The output field: its DuckLake type in the metadata (BIGINT or VARCHAR), but no column id, so
   * the projector fills it by name.
   */
  public Field field() {
    String ducklake = type instanceof ArrowType.Utf8 ? "varchar" : "int64";
    return new Field(
        columnName,
        new FieldType(
            true,
            type,
            null,
            java.util.Map.of(io.quacklake.types.ArrowTypes.DUCKLAKE_TYPE, ducklake)),
        null);
  }

  /** The virtual column of this name, ignoring case. */
  public static Optional<VirtualColumn> named(String name) {
    for (VirtualColumn v : values()) {
      if (v.columnName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
