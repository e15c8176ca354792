package io.quacklake.internal.types;

import io.quacklake.types.TypeId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** DuckDB's SQL names (and aliases) of the primitive DuckLake types, and names it rejects. */
final class SqlTypeAliases {
  /** The accepted forms, briefly, for error messages. */
  static final String ACCEPTED =
      "BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, HUGEINT, UTINYINT, USMALLINT, UINTEGER,"
          + " UBIGINT, UHUGEINT, FLOAT, DOUBLE, DECIMAL(p,s), DATE, TIME, TIME_NS, TIMETZ,"
          + " TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS, TIMESTAMPTZ, INTERVAL, VARCHAR,"
          + " JSON, BLOB, UUID, GEOMETRY, VARIANT, T[], STRUCT(name T, ...), MAP(K, V)";

  private static final Map<String, TypeId> NAMES = new HashMap<>();

  private static final Set<String> UNSUPPORTED =
      Set.of("ENUM", "UNION", "BIT", "BITSTRING", "VARINT", "BIGNUM");

  static {
    alias(TypeId.BOOLEAN, "BOOLEAN", "BOOL", "LOGICAL");
    alias(TypeId.INT8, "TINYINT", "INT1");
    alias(TypeId.INT16, "SMALLINT", "INT2", "SHORT");
    alias(TypeId.INT32, "INTEGER", "INT", "INT4", "SIGNED");
    alias(TypeId.INT64, "BIGINT", "INT8", "LONG");
    alias(TypeId.UINT8, "UTINYINT", "UINT8");
    alias(TypeId.UINT16, "USMALLINT", "UINT16");
    alias(TypeId.UINT32, "UINTEGER", "UINT32");
    alias(TypeId.UINT64, "UBIGINT", "UINT64");
    alias(TypeId.INT128, "HUGEINT", "INT128");
    alias(TypeId.UINT128, "UHUGEINT", "UINT128");
    alias(TypeId.FLOAT32, "FLOAT", "REAL", "FLOAT4");
    alias(TypeId.FLOAT64, "DOUBLE", "FLOAT8");
    alias(TypeId.DATE, "DATE");
    alias(TypeId.TIME, "TIME");
    alias(TypeId.TIME_NS, "TIME_NS");
    alias(TypeId.GEOMETRY, "GEOMETRY");
    alias(TypeId.VARIANT, "VARIANT");
    alias(TypeId.TIMETZ, "TIMETZ");
    alias(TypeId.TIMESTAMP, "TIMESTAMP", "DATETIME", "TIMESTAMP_US");
    alias(TypeId.TIMESTAMP_S, "TIMESTAMP_S");
    alias(TypeId.TIMESTAMP_MS, "TIMESTAMP_MS");
    alias(TypeId.TIMESTAMP_NS, "TIMESTAMP_NS");
    alias(TypeId.TIMESTAMPTZ, "TIMESTAMPTZ");
    alias(TypeId.INTERVAL, "INTERVAL");
    alias(TypeId.VARCHAR, "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "NVARCHAR");
    alias(TypeId.JSON, "JSON");
    alias(TypeId.BLOB, "BLOB", "BYTEA", "BINARY", "VARBINARY");
    alias(TypeId.UUID, "UUID");
  }

  private SqlTypeAliases() {}

  private static void alias(TypeId id, String... names) {
    for (String n : names) {
      NAMES.put(n, id);
    }
  }

  /** The primitive type a (single-word) name denotes, or null. */
  static TypeId primitive(String name) {
    return NAMES.get(name.toUpperCase(Locale.ROOT));
  }

  /** Whether DuckDB knows the name but DuckLake (or this release) cannot store it. */
  static boolean unsupported(String name) {
    return UNSUPPORTED.contains(name.toUpperCase(Locale.ROOT));
  }

  /** Whether the name takes an ignored length, as {@code VARCHAR(10)}. */
  static boolean takesLength(TypeId id) {
    return id == TypeId.VARCHAR || id == TypeId.BLOB;
  }
}
