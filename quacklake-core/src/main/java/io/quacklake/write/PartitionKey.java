package io.quacklake.write;

import io.quacklake.QuacklakeException;
import io.quacklake.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One key of a partition spec: a top-level column and its transform ({@code identity}, {@code
 * year}, {@code month}, {@code day}, {@code hour}), computing partition values as DuckDB writes
 * them into {@code ducklake_file_partition_value} and into hive directory names.
 */
public record PartitionKey(int keyIndex, LakeColumn column, String transform) {
  public PartitionKey {
    boolean temporal = column.type().id() == TypeId.DATE || column.type().id().isTimestamp();
    switch (transform) {
      case "identity" -> {
        if (column.type().id().isNested()) {
          throw QuacklakeException.invalid("cannot partition by nested column %s", column.name());
        }
      }
      case "year", "month", "day", "hour" -> {
        if (!temporal || (transform.equals("hour") && column.type().id() == TypeId.DATE)) {
          throw QuacklakeException.invalid(
              "cannot partition by %s(%s): the column is %s, not a date or timestamp",
              transform, column.name(), column.sqlTypeName());
        }
      }
      default ->
          throw QuacklakeException.unsupported(
              "partition transform %s is not supported; use identity, year, month, day or hour",
              transform);
    }
  }

  /** The hive directory key: the column name for identity, else the transform. */
  public String hiveKey() {
    return transform.equals("identity") ? column.name() : transform;
  }

  /** The partition value of a canonical value, as DuckDB text; null for NULL. */
  public String value(Object v) {
    if (v == null) {
      return null;
    }
    if (transform.equals("identity")) {
      return DuckDbText.format(v, column);
    }
    LocalDateTime t =
        v instanceof LocalDate d
            ? d.atStartOfDay()
            : v instanceof Instant i
                ? LocalDateTime.ofInstant(i, ZoneOffset.UTC)
                : (LocalDateTime) v;
    long n =
        switch (transform) {
          case "year" -> t.getYear();
          case "month" -> t.getMonthValue();
          case "day" -> t.getDayOfMonth();
          default -> t.getHour();
        };
    return Long.toString(n);
  }
}
