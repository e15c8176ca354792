package io.quacklake.types;

import org.apache.arrow.vector.FieldVector;

/**
 * Reads and writes canonical Java values ({@link LakeValues}) from and to Arrow vectors built by
 * {@link ArrowTypes}. Not for hot paths: one object per value.
 *
 * <p>Infinite dates and timestamps (DuckDB's {@code infinity}, stored as the largest and smallest
 * non-NULL integers) read as {@code LocalDate.MAX}/{@code MIN}, {@code LocalDateTime.MAX}/{@code
 * MIN} and {@code Instant.MAX}/{@code MIN}, and those values write them back.
 */
public final class ArrowValues {
  private ArrowValues() {}

  /** The canonical value at {@code index}, or null. Nested vectors give List / Map values. */
  public static Object get(FieldVector vector, int index) {
    return ArrowValueReader.read(vector, index);
  }

  /**
   * Sets {@code index} to a canonical value (null sets NULL), growing the vector as needed. The
   * caller sets the value count at the end. List and map vectors must be written in increasing
   * index order.
   *
   * <p>Besides the canonical class, a few exact equivalents are accepted: any integral {@link
   * Number} for integer and decimal columns, a {@link java.math.BigDecimal} of another scale when
   * rescaling is exact, {@link Float} for floating-point columns, {@link java.time.OffsetTime},
   * {@link java.time.OffsetDateTime} and {@link java.time.ZonedDateTime} for the UTC-normalised
   * types, {@link String} for {@code uuid}, {@link java.nio.ByteBuffer} for binary columns. Values
   * finer than the column's unit (e.g. nanoseconds into a microsecond timestamp) are truncated
   * towards the past.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT naming the field, the
   *     expected and the actual class when {@code value} does not fit the vector
   */
  public static void set(FieldVector vector, int index, Object value) {
    ArrowValueWriter.write(vector, index, value);
  }
}
