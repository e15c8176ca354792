package io.quacklake.internal.scan;

import io.quacklake.internal.parquet.ParquetReadRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns a scan with row locations appends to its output: each row's id, and the data file and
 * 0-based position in it where the row is stored (both NULL for rows inlined in the catalog).
 */
public final class RowLocationColumns {
  /** The row's DuckLake row id. */
  public static final String ROW_ID = ParquetReadRequest.ROW_ID;

  /** The id of the data file holding the row, NULL for an inlined row. */
  public static final String DATA_FILE_ID = "_ducklake_data_file_id";

  /** The row's 0-based position in its data file, NULL for an inlined row. */
  public static final String FILE_POSITION = ParquetReadRequest.FILE_POSITION;

  private RowLocationColumns() {}

  /** {@code schema} followed by the three location columns. */
  public static Schema append(Schema schema) {
    List<Field> fields = new ArrayList<>(schema.getFields());
    ArrowType bigint = new ArrowType.Int(64, true);
    fields.add(new Field(ROW_ID, FieldType.notNullable(bigint), null));
    fields.add(new Field(DATA_FILE_ID, FieldType.nullable(bigint), null));
    fields.add(new Field(FILE_POSITION, FieldType.nullable(bigint), null));
    return new Schema(fields);
  }
}
