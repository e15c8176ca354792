package io.quacklake.internal.types;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The DuckLake column a caller's Arrow field becomes when a table is created from an Arrow schema:
 * the field's {@code ducklake.type} metadata when present, else the natural DuckLake type of its
 * Arrow type. Column ids are left at 0 for the table to allocate.
 */
public final class ArrowTypeMapping {
  private ArrowTypeMapping() {}

  public static LakeColumn column(Field field) {
    LakeType declared = ArrowTypes.lakeType(field);
    LakeType type = declared != null ? declared : fromArrow(field);
    List<Field> children =
        type.id() == TypeId.MAP ? field.getChildren().get(0).getChildren() : field.getChildren();
    List<LakeColumn> columns = new ArrayList<>();
    for (Field child : children) {
      columns.add(column(child));
    }
    return new LakeColumn(0, field.getName(), type, field.isNullable(), null, null, columns);
  }

  private static LakeType fromArrow(Field field) {
    ArrowType t = field.getType();
    TypeId id =
        switch (t.getTypeID()) {
          case Bool -> TypeId.BOOLEAN;
          case Int -> integer((ArrowType.Int) t);
          case FloatingPoint ->
              ((ArrowType.FloatingPoint) t).getPrecision()
                      == org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE
                  ? TypeId.FLOAT64
                  : TypeId.FLOAT32;
          case Decimal -> null;
          case Date -> TypeId.DATE;
          case Time ->
              ((ArrowType.Time) t).getUnit() == org.apache.arrow.vector.types.TimeUnit.NANOSECOND
                  ? TypeId.TIME_NS
                  : TypeId.TIME;
          case Timestamp -> timestamp((ArrowType.Timestamp) t);
          case Interval, Duration -> TypeId.INTERVAL;
          case Utf8, LargeUtf8, Utf8View -> TypeId.VARCHAR;
          case Binary, LargeBinary, BinaryView -> TypeId.BLOB;
          case FixedSizeBinary ->
              ((ArrowType.FixedSizeBinary) t).getByteWidth() == 16 ? TypeId.UUID : TypeId.BLOB;
          case Struct -> TypeId.STRUCT;
          case List, LargeList -> TypeId.LIST;
          case Map -> TypeId.MAP;
          default ->
              throw QuacklakeException.unsupported(
                  "Arrow type %s of field '%s' has no DuckLake type", t, field.getName());
        };
    if (id == null) {
      ArrowType.Decimal d = (ArrowType.Decimal) t;
      if (d.getPrecision() > 38) {
        throw QuacklakeException.unsupported(
            "decimal(%d,%d) of field '%s' is wider than DuckLake's 38 digits",
            d.getPrecision(), d.getScale(), field.getName());
      }
      return LakeType.decimal(d.getPrecision(), d.getScale());
    }
    return LakeType.of(id);
  }

  private static TypeId integer(ArrowType.Int t) {
    return switch (t.getBitWidth()) {
      case 8 -> t.getIsSigned() ? TypeId.INT8 : TypeId.UINT8;
      case 16 -> t.getIsSigned() ? TypeId.INT16 : TypeId.UINT16;
      case 32 -> t.getIsSigned() ? TypeId.INT32 : TypeId.UINT32;
      default -> t.getIsSigned() ? TypeId.INT64 : TypeId.UINT64;
    };
  }

  private static TypeId timestamp(ArrowType.Timestamp t) {
    boolean tz = t.getTimezone() != null;
    return switch (t.getUnit()) {
      case SECOND -> TypeId.TIMESTAMP_S;
      case MILLISECOND -> TypeId.TIMESTAMP_MS;
      case MICROSECOND -> tz ? TypeId.TIMESTAMPTZ : TypeId.TIMESTAMP;
      case NANOSECOND -> tz ? TypeId.TIMESTAMPTZ_NS : TypeId.TIMESTAMP_NS;
    };
  }
}
