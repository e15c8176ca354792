package io.quacklake.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Maps DuckLake types to Arrow (the table in {@code docs/type-mapping.md}). Every field carries its
 * DuckLake column id and type name in its metadata, so a batch is self-describing.
 */
public final class ArrowTypes {
  /** Field metadata key holding the DuckLake column id. */
  public static final String COLUMN_ID = "ducklake.column_id";

  /** Field metadata key holding the DuckLake type name. */
  public static final String DUCKLAKE_TYPE = "ducklake.type";

  private ArrowTypes() {}

  public static Schema schema(List<LakeColumn> columns) {
    List<Field> fields = new ArrayList<>(columns.size());
    for (LakeColumn c : columns) {
      fields.add(field(c));
    }
    return new Schema(fields);
  }

  public static Field field(LakeColumn column) {
    Map<String, String> metadata = new HashMap<>();
    metadata.put(COLUMN_ID, Long.toString(column.id()));
    metadata.put(DUCKLAKE_TYPE, column.type().ducklakeName());
    TypeId id = column.type().id();
    if (id == TypeId.UUID) {
      metadata.put("ARROW:extension:name", "arrow.uuid");
      metadata.put("ARROW:extension:metadata", "");
    } else if (id == TypeId.JSON) {
      metadata.put("ARROW:extension:name", "arrow.json");
      metadata.put("ARROW:extension:metadata", "");
    } else if (id == TypeId.GEOMETRY) {
      // GeoArrow's well-known-binary encoding
      metadata.put("ARROW:extension:name", "geoarrow.wkb");
      metadata.put("ARROW:extension:metadata", "{}");
    }
    List<Field> children = new ArrayList<>();
    switch (id) {
      case STRUCT -> column.children().forEach(c -> children.add(field(c)));
      case LIST -> children.add(field(column.children().get(0)));
      case MAP -> {
        Field key = field(column.children().get(0));
        Field keyNotNull = new Field(key.getName(), notNull(key.getFieldType()), key.getChildren());
        Field value = field(column.children().get(1));
        children.add(
            new Field(
                "entries",
                FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(keyNotNull, value)));
      }
      default -> {}
    }
    FieldType type = new FieldType(column.nullable(), arrowType(column.type()), null, metadata);
    return new Field(column.name(), type, children);
  }

  private static FieldType notNull(FieldType t) {
    return new FieldType(false, t.getType(), t.getDictionary(), t.getMetadata());
  }

  /** The Arrow type of a DuckLake type (nested types without children). */
  public static ArrowType arrowType(LakeType type) {
    return switch (type.id()) {
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case INT8 -> new ArrowType.Int(8, true);
      case INT16 -> new ArrowType.Int(16, true);
      case INT32 -> new ArrowType.Int(32, true);
      case INT64 -> new ArrowType.Int(64, true);
      case UINT8 -> new ArrowType.Int(8, false);
      case UINT16 -> new ArrowType.Int(16, false);
      case UINT32 -> new ArrowType.Int(32, false);
      case UINT64 -> new ArrowType.Int(64, false);
      case INT128 -> new ArrowType.Decimal(38, 0, 128);
      case UINT128 -> new ArrowType.Decimal(39, 0, 256);
      case FLOAT32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL -> new ArrowType.Decimal(type.precision(), type.scale(), 128);
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case TIME, TIMETZ -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      case TIME_NS -> new ArrowType.Time(TimeUnit.NANOSECOND, 64);
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case TIMESTAMP_S -> new ArrowType.Timestamp(TimeUnit.SECOND, null);
      case TIMESTAMP_MS -> new ArrowType.Timestamp(TimeUnit.MILLISECOND, null);
      case TIMESTAMP_NS -> new ArrowType.Timestamp(TimeUnit.NANOSECOND, null);
      case TIMESTAMPTZ -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      case TIMESTAMPTZ_NS -> new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC");
      case INTERVAL -> new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO);
      case VARCHAR, JSON -> ArrowType.Utf8.INSTANCE;
      case BLOB, GEOMETRY -> ArrowType.Binary.INSTANCE;
      case VARIANT -> ArrowType.Utf8.INSTANCE;
      case UUID -> new ArrowType.FixedSizeBinary(16);
      case STRUCT -> ArrowType.Struct.INSTANCE;
      case LIST -> ArrowType.List.INSTANCE;
      case MAP -> new ArrowType.Map(false);
    };
  }

  /**
   * The column a field built by {@link #field} describes, read back from its metadata (also for
   * nested children).
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT when the field has no
   *     DuckLake type
   */
  public static LakeColumn column(Field field) {
    LakeType type = lakeType(field);
    if (type == null) {
      throw io.quacklake.exceptions.QuacklakeException.invalid(
          "Arrow field '%s' carries no DuckLake type (metadata %s)",
          field.getName(), DUCKLAKE_TYPE);
    }
    List<Field> children =
        type.id() == TypeId.MAP ? field.getChildren().get(0).getChildren() : field.getChildren();
    List<LakeColumn> columns = new ArrayList<>(children.size());
    for (Field child : children) {
      columns.add(column(child));
    }
    return new LakeColumn(
        columnId(field), field.getName(), type, field.isNullable(), null, null, columns);
  }

  /** The DuckLake column id stored on a field, or -1 when absent. */
  public static long columnId(Field field) {
    Map<String, String> md = field.getMetadata();
    String v = md == null ? null : md.get(COLUMN_ID);
    return v == null ? -1 : Long.parseLong(v);
  }

  /** The DuckLake type stored on a field, or null when absent. */
  public static LakeType lakeType(Field field) {
    Map<String, String> md = field.getMetadata();
    String v = md == null ? null : md.get(DUCKLAKE_TYPE);
    return v == null ? null : LakeType.parse(v);
  }
}
