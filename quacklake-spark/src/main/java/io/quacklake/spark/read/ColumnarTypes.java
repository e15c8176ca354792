package io.quacklake.spark.read;

import io.quacklake.types.LakeColumn;
import java.util.List;

/**
 * The DuckLake types whose Arrow vectors Spark's {@code ArrowColumnVector} reads as the Spark type
 * {@link io.quacklake.spark.convert.SparkTypes} gives them: signed integers, floats, decimals,
 * strings, blobs, dates, microsecond timestamps, and lists, structs and maps of them.
 */
final class ColumnarTypes {
  private ColumnarTypes() {}

  static boolean all(List<LakeColumn> columns) {
    return columns.stream().allMatch(ColumnarTypes::direct);
  }

  private static boolean direct(LakeColumn c) {
    return switch (c.type().id()) {
      case BOOLEAN,
          INT8,
          INT16,
          INT32,
          INT64,
          FLOAT32,
          FLOAT64,
          DECIMAL,
          VARCHAR,
          JSON,
          VARIANT,
          BLOB,
          DATE,
          TIMESTAMP,
          TIMESTAMPTZ ->
          true;
      case LIST, STRUCT, MAP -> all(c.children());
      default -> false;
    };
  }
}
