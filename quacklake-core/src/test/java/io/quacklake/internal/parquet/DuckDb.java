package io.quacklake.internal.parquet;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** DuckDB as the Parquet peer of the tests: writes files and says what they contain. */
final class DuckDb implements AutoCloseable {
  private final Connection connection;

  DuckDb() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    execute("SET TimeZone = 'UTC'");
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Writes {@code select} to {@code file} with the columns' field ids and the given options. */
  void copy(String select, List<LakeColumn> columns, Path file, String options)
      throws SQLException {
    String ids = columns.isEmpty() ? "" : ", FIELD_IDS " + fieldIds(columns);
    execute(
        "COPY ("
            + select
            + ") TO '"
            + file
            + "' (FORMAT parquet"
            + ids
            + (options.isEmpty() ? "" : ", " + options)
            + ")");
  }

  /** DuckDB's reading of {@code file}, as canonical values of {@code columns}. */
  List<List<Object>> read(Path file, List<LakeColumn> columns) throws SQLException {
    String exprs = columns.stream().map(DuckDb::expression).collect(Collectors.joining(", "));
    return query("SELECT " + exprs + " FROM read_parquet('" + file + "')", columns);
  }

  List<List<Object>> query(String sql, List<LakeColumn> columns) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          row.add(normalize(rs.getObject(i + 1), columns.get(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static InputFile input(Path file) {
    return new LocalObjectStore().newInputFile(Location.of(file.toString()), -1);
  }

  private static String expression(LakeColumn c) {
    String q = "\"" + c.name() + "\"";
    return switch (c.type().id()) {
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMPTZ -> "epoch_us(" + q + ")";
      case TIMESTAMP_NS, TIMESTAMPTZ_NS -> "epoch_ns(" + q + ")";
      case INTERVAL ->
          "[datepart('year', "
              + q
              + ") * 12 + datepart('month', "
              + q
              + "), datepart('day', "
              + q
              + "), datepart('hour', "
              + q
              + ")::BIGINT * 3600000000 + datepart('minute', "
              + q
              + ")::BIGINT * 60000000 + datepart('microsecond', "
              + q
              + ")]";
      default -> q;
    };
  }

  static Object normalize(Object o, LakeColumn c) throws SQLException {
    if (o == null) {
      return null;
    }
    switch (c.type().id()) {
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32:
        return ((Number) o).longValue();
      case UINT64:
        return o instanceof BigInteger ? o : BigInteger.valueOf(((Number) o).longValue());
      case INT128, UINT128:
        return o instanceof Double d
            ? new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact()
            : o;
      case FLOAT32, FLOAT64:
        return ((Number) o).doubleValue();
      case DECIMAL:
        return ((BigDecimal) o).setScale(c.type().scale());
      case TIMESTAMP, TIMESTAMP_MS:
        return LocalDateTime.ofInstant(micros((Long) o), ZoneOffset.UTC);
      case TIMESTAMP_S:
        return LocalDateTime.ofInstant(micros((Long) o), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.SECONDS);
      case TIMESTAMPTZ:
        return micros((Long) o);
      case TIMESTAMP_NS:
        return LocalDateTime.ofInstant(nanos((Long) o), ZoneOffset.UTC);
      case TIMESTAMPTZ_NS:
        return nanos((Long) o);
      case TIMETZ:
        return ((OffsetTime) o).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
      case INTERVAL:
        {
          Object[] parts = (Object[]) ((Array) o).getArray();
          if (parts[0] == null) {
            return null;
          }
          return new Interval(
              ((Number) parts[0]).intValue(),
              ((Number) parts[1]).intValue(),
              ((Number) parts[2]).longValue() * 1000);
        }
      case JSON:
        return o.toString();
      case BLOB:
        {
          Blob b = (Blob) o;
          return "hex:" + HexFormat.of().formatHex(b.getBytes(1, (int) b.length()));
        }
      case LIST:
        {
          List<Object> list = new ArrayList<>();
          for (Object e : (Object[]) ((Array) o).getArray()) {
            list.add(normalize(e, c.children().get(0)));
          }
          return list;
        }
      case STRUCT:
        {
          Object[] attributes = ((Struct) o).getAttributes();
          Map<String, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < c.children().size(); i++) {
            map.put(c.children().get(i).name(), normalize(attributes[i], c.children().get(i)));
          }
          return map;
        }
      case MAP:
        {
          Map<Object, Object> map = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
            map.put(
                normalize(e.getKey(), c.children().get(0)),
                normalize(e.getValue(), c.children().get(1)));
          }
          return map;
        }
      default:
        return o;
    }
  }

  private static Instant micros(long v) {
    return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
  }

  private static Instant nanos(long v) {
    return Instant.ofEpochSecond(
        Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
  }

  static String fieldIds(List<LakeColumn> columns) {
    return columns.stream()
        .map(c -> "\"" + c.name() + "\": " + fieldId(c))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String fieldId(LakeColumn c) {
    if (c.children().isEmpty()) {
      return Long.toString(c.id());
    }
    List<String> parts = new ArrayList<>();
    parts.add("__duckdb_field_id: " + c.id());
    for (LakeColumn child : c.children()) {
      parts.add("\"" + child.name() + "\": " + fieldId(child));
    }
    return String.join(", ", parts.stream().toList()).transform(s -> "{" + s + "}");
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
