package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a value read from an inlined-data table into the canonical Java value of its column.
 * Catalogs store inlined values natively where they can (integers, blobs) and as DuckDB text
 * otherwise (SQLite: floats, nested types, timestamps; PostgreSQL: BYTEA strings).
 */
public final class InlinedValues {
  private InlinedValues() {}

  /** Whether a catalog stores the column's values natively (integers, booleans, blobs). */
  public static boolean isNative(LakeColumn column) {
    return switch (column.type().id()) {
      case BOOLEAN, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, BLOB -> true;
      default -> false;
    };
  }

  /** The value to store: native for integers, booleans and blobs, DuckDB text otherwise. */
  public static Object encode(Object value, LakeColumn column) {
    if (value == null || isNative(column)) {
      return value;
    }
    return DuckDbText.format(value, column);
  }

  public static Object decode(Object value, LakeColumn column) {
    if (value == null) {
      return null;
    }
    TypeId type = column.type().id();
    if (type == TypeId.VARIANT) {
      if (value instanceof String s) {
        // DuckDB-file catalogs: the variant's JSON, as to_json gives it
        return s;
      }
      throw QuacklakeException.unsupported(
          "column %s holds VARIANT values inlined in the catalog as %s; this release reads inlined"
              + " variants from DuckDB-file catalogs only (flush the inlined data with DuckDB to read"
              + " them here)",
          column.name(), value.getClass().getSimpleName());
    }
    if (value instanceof String s) {
      return DuckDbText.parse(s, column);
    }
    if (value instanceof byte[] bytes) {
      return switch (type) {
        case BLOB, GEOMETRY, VARIANT -> bytes;
        default -> DuckDbText.parse(new String(bytes, StandardCharsets.UTF_8), column);
      };
    }
    if (value instanceof Boolean b) {
      return type == TypeId.BOOLEAN ? b : DuckDbText.parse(b.toString(), column);
    }
    if (value instanceof BigDecimal d) {
      return number(d, column);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (type.isFloating()) {
        return d;
      }
      return number(BigDecimal.valueOf(d), column);
    }
    if (value instanceof Number n) {
      return number(new BigDecimal(n.toString()), column);
    }
    return DuckDbText.parse(value.toString(), column);
  }

  private static Object number(BigDecimal d, LakeColumn column) {
    return switch (column.type().id()) {
      case BOOLEAN -> d.signum() != 0;
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> d.longValueExact();
      case UINT64, INT128, UINT128 -> d.toBigIntegerExact();
      case FLOAT32, FLOAT64 -> d.doubleValue();
      case DECIMAL -> d.setScale(column.type().scale(), RoundingMode.HALF_UP);
      default -> {
        if (column.type().id().isNested()) {
          throw QuacklakeException.corrupt(
              "inlined value %s for nested column %s is not text", d, column.name());
        }
        yield DuckDbText.parse(d.toPlainString(), column);
      }
    };
  }
}
