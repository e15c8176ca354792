package io.quacklake.spark.read;

import io.quacklake.TableScan;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.List;
import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The metadata columns a Quacklake table offers Spark: where each row is ({@link
 * TableScan#withRowLocations()}). Row-level operations read them to delete and replace rows; users
 * may select them too.
 */
public final class LocationColumns {
  /** Ids no table column has: the scan returns these columns after the table's. */
  private static final long NO_ID = -1;

  /** The three columns, in the order a scan with row locations returns them. */
  public static final List<LakeColumn> ALL =
      List.of(
          column(TableScan.ROW_ID_COLUMN, false),
          column(TableScan.DATA_FILE_ID_COLUMN, true),
          column(TableScan.FILE_POSITION_COLUMN, true));

  private LocationColumns() {}

  /** Whether {@code name} is one of them (exactly; Spark passes the names it was given). */
  public static boolean isLocation(String name) {
    return ALL.stream().anyMatch(c -> c.name().equals(name));
  }

  /** The columns as Spark metadata columns. */
  public static MetadataColumn[] metadataColumns() {
    return ALL.stream().map(Metadata::new).toArray(MetadataColumn[]::new);
  }

  private static LakeColumn column(String name, boolean nullable) {
    return new LakeColumn(NO_ID, name, LakeType.of(TypeId.INT64), nullable, null, null, List.of());
  }

  private record Metadata(LakeColumn column) implements MetadataColumn {
    @Override
    public String name() {
      return column.name();
    }

    @Override
    public DataType dataType() {
      return DataTypes.LongType;
    }

    @Override
    public boolean isNullable() {
      return column.nullable();
    }

    @Override
    public String comment() {
      return switch (column.name()) {
        case TableScan.ROW_ID_COLUMN -> "the row's DuckLake row id";
        case TableScan.DATA_FILE_ID_COLUMN -> "the data file holding the row (NULL: inlined)";
        default -> "the row's 0-based position in its data file (NULL: inlined)";
      };
    }
  }
}
