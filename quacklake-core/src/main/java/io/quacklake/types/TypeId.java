package io.quacklake.types;

import java.util.Locale;

/** The DuckLake type names stored in {@code ducklake_column.column_type}. */
public enum TypeId {
  BOOLEAN("boolean"),
  INT8("int8"),
  INT16("int16"),
  INT32("int32"),
  INT64("int64"),
  UINT8("uint8"),
  UINT16("uint16"),
  UINT32("uint32"),
  UINT64("uint64"),
  INT128("int128"),
  UINT128("uint128"),
  FLOAT32("float32"),
  FLOAT64("float64"),
  DECIMAL("decimal"),
  DATE("date"),
  TIME("time"),
  TIME_NS("time_ns"),
  TIMETZ("timetz"),
  TIMESTAMP("timestamp"),
  TIMESTAMP_S("timestamp_s"),
  TIMESTAMP_MS("timestamp_ms"),
  TIMESTAMP_NS("timestamp_ns"),
  TIMESTAMPTZ("timestamptz"),
  TIMESTAMPTZ_NS("timestamptz_ns"),
  INTERVAL("interval"),
  VARCHAR("varchar"),
  JSON("json"),
  BLOB("blob"),
  UUID("uuid"),
  VARIANT("variant"),
  GEOMETRY("geometry"),
  STRUCT("struct"),
  LIST("list"),
  MAP("map");

  private final String ducklakeName;

  TypeId(String ducklakeName) {
    this.ducklakeName = ducklakeName;
  }

  /** The lower-case name DuckLake stores. */
  public String ducklakeName() {
    return ducklakeName;
  }

  public boolean isNested() {
    return this == STRUCT || this == LIST || this == MAP;
  }

  public boolean isInteger() {
    return switch (this) {
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, INT128, UINT128 -> true;
      default -> false;
    };
  }

  public boolean isFloating() {
    return this == FLOAT32 || this == FLOAT64;
  }

  public boolean isNumeric() {
    return isInteger() || isFloating() || this == DECIMAL;
  }

  public boolean isTimestamp() {
    return switch (this) {
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS, TIMESTAMPTZ, TIMESTAMPTZ_NS -> true;
      default -> false;
    };
  }

  public boolean isString() {
    return this == VARCHAR || this == JSON;
  }

  /** Looks a stored name up, case-insensitively; also accepts {@code timestamp_us}. */
  static TypeId fromDucklakeName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("timestamp_us")) {
      return TIMESTAMP;
    }
    if (lower.equals("timestamp with time zone")) {
      return TIMESTAMPTZ;
    }
    for (TypeId id : values()) {
      if (id.ducklakeName.equals(lower)) {
        return id;
      }
    }
    return null;
  }
}
