package io.quacklake.spark.convert;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * DuckLake column types as Spark SQL types and back. Types Spark has no equal for are read as the
 * nearest wider one (unsigned integers) or as DuckDB's text (times, intervals, UUIDs, 128-bit
 * unsigned integers): see {@code docs/spark.md}.
 */
public final class SparkTypes {
  private SparkTypes() {}

  /** The Spark schema of DuckLake columns. */
  public static StructType schema(List<LakeColumn> columns) {
    List<StructField> fields = new ArrayList<>(columns.size());
    for (LakeColumn c : columns) {
      fields.add(new StructField(c.name(), type(c), c.nullable(), Metadata.empty()));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** The Spark type a column reads as. */
  public static DataType type(LakeColumn column) {
    TypeId id = column.type().id();
    return switch (id) {
      case BOOLEAN -> DataTypes.BooleanType;
      case INT8 -> DataTypes.ByteType;
      case INT16, UINT8 -> DataTypes.ShortType;
      case INT32, UINT16 -> DataTypes.IntegerType;
      case INT64, UINT32 -> DataTypes.LongType;
      case UINT64 -> DataTypes.createDecimalType(20, 0);
      case INT128 -> DataTypes.createDecimalType(38, 0);
      case FLOAT32 -> DataTypes.FloatType;
      case FLOAT64 -> DataTypes.DoubleType;
      case DECIMAL -> DataTypes.createDecimalType(column.type().precision(), column.type().scale());
      case DATE -> DataTypes.DateType;
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS -> DataTypes.TimestampNTZType;
      case TIMESTAMPTZ, TIMESTAMPTZ_NS -> DataTypes.TimestampType;
      case VARCHAR, JSON, VARIANT, UUID, TIME, TIME_NS, TIMETZ, INTERVAL, UINT128 ->
          DataTypes.StringType;
      case BLOB, GEOMETRY -> DataTypes.BinaryType;
      case LIST -> new ArrayType(type(column.children().get(0)), true);
      case MAP -> new MapType(type(column.children().get(0)), type(column.children().get(1)), true);
      case STRUCT -> schema(column.children());
    };
  }

  /**
   * The DuckLake column of a Spark field, as {@code CREATE TABLE} and {@code ADD COLUMN} make it
   * (ids are assigned by the lake).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a Spark type DuckLake cannot store
   */
  public static LakeColumn column(String name, DataType type, boolean nullable) {
    List<LakeColumn> children = new ArrayList<>();
    LakeType lakeType;
    if (type instanceof StructType s) {
      for (StructField f : s.fields()) {
        children.add(column(f.name(), f.dataType(), f.nullable()));
      }
      lakeType = LakeType.of(TypeId.STRUCT);
    } else if (type instanceof ArrayType a) {
      children.add(column("element", a.elementType(), a.containsNull()));
      lakeType = LakeType.of(TypeId.LIST);
    } else if (type instanceof MapType m) {
      children.add(column("key", m.keyType(), false));
      children.add(column("value", m.valueType(), m.valueContainsNull()));
      lakeType = LakeType.of(TypeId.MAP);
    } else if (type instanceof DecimalType d) {
      lakeType = LakeType.decimal(d.precision(), d.scale());
    } else {
      lakeType = LakeType.of(primitive(name, type));
    }
    return new LakeColumn(0, name, lakeType, nullable, null, null, children);
  }

  private static TypeId primitive(String name, DataType type) {
    if (type.equals(DataTypes.BooleanType)) {
      return TypeId.BOOLEAN;
    } else if (type.equals(DataTypes.ByteType)) {
      return TypeId.INT8;
    } else if (type.equals(DataTypes.ShortType)) {
      return TypeId.INT16;
    } else if (type.equals(DataTypes.IntegerType)) {
      return TypeId.INT32;
    } else if (type.equals(DataTypes.LongType)) {
      return TypeId.INT64;
    } else if (type.equals(DataTypes.FloatType)) {
      return TypeId.FLOAT32;
    } else if (type.equals(DataTypes.DoubleType)) {
      return TypeId.FLOAT64;
    } else if (type.equals(DataTypes.StringType)) {
      return TypeId.VARCHAR;
    } else if (type.equals(DataTypes.BinaryType)) {
      return TypeId.BLOB;
    } else if (type.equals(DataTypes.DateType)) {
      return TypeId.DATE;
    } else if (type.equals(DataTypes.TimestampType)) {
      return TypeId.TIMESTAMPTZ;
    } else if (type.equals(DataTypes.TimestampNTZType)) {
      return TypeId.TIMESTAMP;
    }
    throw QuacklakeException.invalid(
        "column %s has Spark type %s, which DuckLake cannot store; cast it to a string, number,"
            + " date, timestamp, binary, array, struct or map",
        name, type.simpleString());
  }
}
