package io.quacklake.internal.types;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import java.util.stream.Collectors;

/** Renders column types with DuckDB's SQL type names (as DuckDB's DESCRIBE shows them). */
public final class SqlTypeNames {
  private SqlTypeNames() {}

  public static String of(LakeColumn column) {
    LakeType type = column.type();
    return switch (type.id()) {
      case STRUCT ->
          column.children().stream()
              .map(c -> quoteIfNeeded(c.name()) + " " + of(c))
              .collect(Collectors.joining(", ", "STRUCT(", ")"));
      case LIST -> of(column.children().get(0)) + "[]";
      case MAP -> "MAP(" + of(column.children().get(0)) + ", " + of(column.children().get(1)) + ")";
      default -> primitive(type);
    };
  }

  /** The DuckDB SQL name of a type without children, e.g. {@code DECIMAL(10,2)}. */
  public static String primitive(LakeType type) {
    return switch (type.id()) {
      case BOOLEAN -> "BOOLEAN";
      case INT8 -> "TINYINT";
      case INT16 -> "SMALLINT";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case UINT8 -> "UTINYINT";
      case UINT16 -> "USMALLINT";
      case UINT32 -> "UINTEGER";
      case UINT64 -> "UBIGINT";
      case INT128 -> "HUGEINT";
      case UINT128 -> "UHUGEINT";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIME_NS -> "TIME_NS";
      case TIMETZ -> "TIME WITH TIME ZONE";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMP_S -> "TIMESTAMP_S";
      case TIMESTAMP_MS -> "TIMESTAMP_MS";
      case TIMESTAMP_NS -> "TIMESTAMP_NS";
      case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
      case TIMESTAMPTZ_NS -> "TIMESTAMPTZ_NS";
      case INTERVAL -> "INTERVAL";
      case VARCHAR -> "VARCHAR";
      case JSON -> "JSON";
      case BLOB -> "BLOB";
      case UUID -> "UUID";
      case VARIANT -> "VARIANT";
      case GEOMETRY -> "GEOMETRY";
      case STRUCT, LIST, MAP -> type.id().ducklakeName().toUpperCase(java.util.Locale.ROOT);
    };
  }

  private static String quoteIfNeeded(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
