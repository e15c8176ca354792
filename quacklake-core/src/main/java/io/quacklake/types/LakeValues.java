package io.quacklake.types;

/**
 * The canonical Java value of each DuckLake type, used wherever values cross the API as plain
 * objects (literals in expressions, the row API, defaults, statistics, inlined data):
 *
 * <ul>
 *   <li>{@code boolean}: {@link Boolean}
 *   <li>{@code int8..int64}, {@code uint8..uint32}: {@link Long}; {@code uint64}, {@code int128},
 *       {@code uint128}: {@link java.math.BigInteger}
 *   <li>{@code float32}, {@code float64}: {@link Double}
 *   <li>{@code decimal(p,s)}: {@link java.math.BigDecimal} at scale s
 *   <li>{@code date}: {@link java.time.LocalDate}
 *   <li>{@code time}, {@code time_ns}, {@code timetz} (normalised to UTC): {@link
 *       java.time.LocalTime}
 *   <li>{@code timestamp}, {@code timestamp_s/ms/ns}: {@link java.time.LocalDateTime}
 *   <li>{@code timestamptz}, {@code timestamptz_ns}: {@link java.time.Instant}
 *   <li>{@code interval}: {@link Interval}
 *   <li>{@code varchar}, {@code json}: {@link String}; {@code variant}: {@link String}, its JSON
 *   <li>{@code blob}, {@code geometry}: {@code byte[]}
 *   <li>{@code uuid}: {@link java.util.UUID}
 *   <li>{@code list}: {@link java.util.List}; {@code struct}: {@link java.util.Map} from field name
 *       to value, in field order; {@code map}: {@link java.util.Map}, in entry order
 * </ul>
 *
 * SQL NULL is Java {@code null}.
 */
public final class LakeValues {
  private LakeValues() {}
}
