package io.quacklake.bench;

import io.quacklake.Transaction;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The deterministic events table: id (sorted, so files and row groups are clustered by it),
 * user_id, amount, price, country (low cardinality), session (high cardinality), ts, flag; about 5%
 * NULLs in amount and country.
 */
final class EventsData {
  static final List<LakeColumn> COLUMNS =
      ColumnDefinitions.parse(
          "id BIGINT, user_id INTEGER, amount DOUBLE, price DECIMAL(10,2), country VARCHAR,"
              + " session VARCHAR, ts TIMESTAMP, flag BOOLEAN");
  private static final String[] COUNTRIES = {"DE", "FR", "US", "BR", "JP", "IN", "NG", "AU"};
  private static final long T0 = 1_735_689_600_000_000L;

  private EventsData() {}

  /** Rows [from, to) as one batch in the table's layout; the caller closes it. */
  static VectorSchemaRoot batch(
      BufferAllocator allocator, List<LakeColumn> columns, long from, long to) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
    int n = (int) (to - from);
    BigIntVector id = (BigIntVector) root.getVector(0);
    IntVector user = (IntVector) root.getVector(1);
    Float8Vector amount = (Float8Vector) root.getVector(2);
    DecimalVector price = (DecimalVector) root.getVector(3);
    VarCharVector country = (VarCharVector) root.getVector(4);
    VarCharVector session = (VarCharVector) root.getVector(5);
    TimeStampMicroVector ts = (TimeStampMicroVector) root.getVector(6);
    BitVector flag = (BitVector) root.getVector(7);
    root.allocateNew();
    for (int i = 0; i < n; i++) {
      long r = from + i;
      long h = mix(r);
      id.setSafe(i, r);
      user.setSafe(i, (int) (h % 100_000));
      if (h % 20 == 0) {
        amount.setNull(i);
      } else {
        amount.setSafe(i, (h % 1_000_000) / 100.0);
      }
      price.setSafe(i, BigDecimal.valueOf(h % 100_000, 2));
      if (h % 19 == 0) {
        country.setNull(i);
      } else {
        country.setSafe(
            i, COUNTRIES[(int) (h % COUNTRIES.length)].getBytes(StandardCharsets.UTF_8));
      }
      session.setSafe(i, Long.toHexString(h).getBytes(StandardCharsets.UTF_8));
      ts.setSafe(i, T0 + r * 1_000_000L);
      flag.setSafe(i, (h & 1) == 0 ? 1 : 0);
    }
    root.setRowCount(n);
    return root;
  }

  /** Rows [from, to) as batches of {@link Workloads#BATCH} rows; the caller closes them. */
  static List<VectorSchemaRoot> batches(BufferAllocator allocator, long from, long to) {
    List<VectorSchemaRoot> out = new java.util.ArrayList<>();
    for (long start = from; start < to; start += Workloads.BATCH) {
      out.add(batch(allocator, COLUMNS, start, Math.min(to, start + Workloads.BATCH)));
    }
    return out;
  }

  /** Appends rows [from, to) to {@code table} in batches of {@link Workloads#BATCH} rows. */
  static void append(Transaction tx, String table, BufferAllocator allocator, long from, long to) {
    for (long start = from; start < to; start += Workloads.BATCH) {
      try (VectorSchemaRoot b =
          batch(allocator, COLUMNS, start, Math.min(to, start + Workloads.BATCH))) {
        tx.append(table, b);
      }
    }
  }

  private static long mix(long x) {
    long z = x * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
