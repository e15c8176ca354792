package io.quacklake.types;

/**
 * A DuckDB/DuckLake interval: months, days and a sub-day part in nanoseconds (DuckDB keeps
 * microseconds). Matches Arrow's {@code MONTH_DAY_NANO} interval.
 */
public record Interval(int months, int days, long nanos) implements java.io.Serializable {}
