package io.quacklake.internal.text;

import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random canonical values of a column type, each with a DuckDB SQL expression for the same value
 * that does not go through Quacklake's text code.
 */
final class RandomValues {
  /** A value and the SQL expression DuckDB evaluates to it. */
  record Sample(Object value, String sql) {}

  private static final String ALPHABET = "abcXYZ 019 ,:=[]{}()'\"\\\t\n/é✓😀-_.";
  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  Sample sample(LakeColumn column) {
    Sample s = raw(column);
    return new Sample(s.value(), "CAST(" + s.sql() + " AS " + column.sqlTypeName() + ")");
  }

  private Sample nullable(LakeColumn column) {
    return random.nextInt(8) == 0 ? new Sample(null, "NULL") : raw(column);
  }

  private Sample raw(LakeColumn column) {
    return switch (column.type().id()) {
      case BOOLEAN -> {
        boolean b = random.nextBoolean();
        yield new Sample(b, Boolean.toString(b));
      }
      case INT8 -> small(-128, 127);
      case INT16 -> small(Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32 -> small(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case INT64 -> integer(random.nextLong());
      case UINT8 -> small(0, 255);
      case UINT16 -> small(0, 65535);
      case UINT32 -> small(0, 4294967295L);
      case UINT64 -> bigInteger(new BigInteger(64, random));
      case INT128 -> {
        BigInteger v = new BigInteger(random.nextInt(127) + 1, random);
        yield bigInteger(random.nextBoolean() ? v.negate() : v);
      }
      case UINT128 -> bigInteger(new BigInteger(random.nextInt(128) + 1, random));
      case FLOAT32 -> {
        float f =
            random.nextBoolean() ? Float.intBitsToFloat(random.nextInt()) : (float) humanDouble();
        if (Float.isNaN(f)) {
          f = 1.5f;
        }
        yield new Sample((double) f, "'" + Float.toString(f) + "'::FLOAT");
      }
      case FLOAT64 -> {
        double d =
            random.nextBoolean() ? Double.longBitsToDouble(random.nextLong()) : humanDouble();
        if (Double.isNaN(d)) {
          d = -0.25;
        }
        yield new Sample(d, "'" + Double.toString(d) + "'::DOUBLE");
      }
      case DECIMAL -> {
        int p = column.type().precision();
        BigInteger unscaled = new BigInteger(p * 3, random).mod(BigInteger.TEN.pow(p));
        BigDecimal d =
            new BigDecimal(
                random.nextBoolean() ? unscaled : unscaled.negate(), column.type().scale());
        yield new Sample(d, "'" + d.toPlainString() + "'");
      }
      case DATE -> {
        int days = random.nextInt(4_000_000) - 2_000_000;
        yield new Sample(LocalDate.ofEpochDay(days), "(DATE '1970-01-01' + " + days + ")");
      }
      case TIME -> {
        long micros = Math.floorMod(random.nextLong(), 86_400_000_000L);
        yield new Sample(
            LocalTime.ofNanoOfDay(micros * 1000),
            "(TIME '00:00:00' + INTERVAL (" + micros + ") MICROSECONDS)");
      }
      case TIME_NS -> {
        LocalTime t = LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L));
        yield new Sample(t, "'" + t + "'::TIME_NS");
      }
      case TIMESTAMP, TIMESTAMPTZ -> {
        long micros = random.nextLong() % 250_000_000_000_000_000L;
        LocalDateTime ts =
            LocalDateTime.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000,
                ZoneOffset.UTC);
        Object v =
            column.type().id() == io.quacklake.types.TypeId.TIMESTAMP
                ? ts
                : ts.toInstant(ZoneOffset.UTC);
        yield new Sample(v, "make_timestamp(" + micros + "::BIGINT)");
      }
      case TIMESTAMP_S -> {
        long seconds = random.nextLong() % 250_000_000_000L;
        yield new Sample(
            LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC),
            "make_timestamp(" + seconds * 1_000_000 + "::BIGINT)");
      }
      case TIMESTAMP_MS -> {
        long ms = random.nextLong() % 250_000_000_000_000L;
        yield new Sample(
            LocalDateTime.ofEpochSecond(
                Math.floorDiv(ms, 1000), Math.floorMod(ms, 1000) * 1_000_000, ZoneOffset.UTC),
            "epoch_ms(" + ms + "::BIGINT)");
      }
      case TIMESTAMP_NS, TIMESTAMPTZ_NS -> {
        long ns = random.nextLong() % 9_000_000_000_000_000_000L;
        Instant i =
            Instant.ofEpochSecond(
                Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        Object v =
            column.type().id() == io.quacklake.types.TypeId.TIMESTAMP_NS
                ? LocalDateTime.ofInstant(i, ZoneOffset.UTC)
                : i;
        yield new Sample(v, "make_timestamp_ns(" + ns + "::BIGINT)");
      }
      case INTERVAL -> {
        int months = random.nextInt(4001) - 2000;
        int days = random.nextInt(4001) - 2000;
        long micros = random.nextInt(4) == 0 ? 0 : random.nextLong() % 1_000_000_000_000_000L;
        if (random.nextInt(3) == 0) {
          months = 0;
        }
        yield new Sample(
            new Interval(months, days, micros * 1000),
            "(to_months("
                + months
                + ") + to_days("
                + days
                + ") + to_microseconds("
                + micros
                + "::BIGINT))");
      }
      case VARCHAR -> {
        String s = string();
        yield new Sample(s, "'" + s.replace("'", "''") + "'");
      }
      case BLOB -> {
        byte[] b = new byte[random.nextInt(12)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) {
          b[0] = (byte) "a'\\\" ~x".charAt(random.nextInt(7));
        }
        yield new Sample(b, "unhex('" + HexFormat.of().formatHex(b) + "')");
      }
      case UUID -> {
        UUID u = new UUID(random.nextLong(), random.nextLong());
        yield new Sample(u, "'" + u + "'::UUID");
      }
      case LIST -> list(column);
      case STRUCT -> struct(column);
      case MAP -> map(column);
      default -> throw new IllegalArgumentException("no generator for " + column.type());
    };
  }

  private Sample list(LakeColumn column) {
    int n = random.nextInt(4);
    List<Object> values = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Sample s = nullable(column.children().get(0));
      values.add(s.value());
      sql.add(s.sql());
    }
    return new Sample(values, "[" + String.join(", ", sql) + "]::" + column.sqlTypeName());
  }

  private Sample struct(LakeColumn column) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> sql = new ArrayList<>();
    for (LakeColumn child : column.children()) {
      Sample s = nullable(child);
      values.put(child.name(), s.value());
      sql.add("'" + child.name().replace("'", "''") + "': " + s.sql());
    }
    return new Sample(values, "{" + String.join(", ", sql) + "}::" + column.sqlTypeName());
  }

  private Sample map(LakeColumn column) {
    int n = random.nextInt(4);
    Map<Object, Object> values = new LinkedHashMap<>();
    List<String> sql = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Sample k = raw(column.children().get(0));
      if (values.containsKey(k.value())) {
        continue;
      }
      Sample v = nullable(column.children().get(1));
      values.put(k.value(), v.value());
      sql.add(k.sql() + ": " + v.sql());
    }
    return new Sample(values, "MAP {" + String.join(", ", sql) + "}::" + column.sqlTypeName());
  }

  private Sample small(long min, long max) {
    long v = min + (long) (random.nextDouble() * ((double) max - min));
    return integer(v);
  }

  private Sample integer(long v) {
    return new Sample(v, "(" + v + ")");
  }

  private Sample bigInteger(BigInteger v) {
    return new Sample(v, "'" + v + "'");
  }

  private double humanDouble() {
    long digits = random.nextLong() % 100_000_000_000L;
    return digits * Math.pow(10, random.nextInt(50) - 25);
  }

  private String string() {
    int n = random.nextInt(10);
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(10) == 0) {
      return random.nextBoolean() ? "NULL" : " null";
    }
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(
          ALPHABET.codePointAt(
              ALPHABET.offsetByCodePoints(
                  0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
    }
    return sb.toString();
  }
}
