/**
 * DuckLake types as the API shows them: {@link io.quacklake.types.LakeType} (a stored type name),
 * {@link io.quacklake.types.LakeColumn} (a column tree as the catalog holds it), {@link
 * io.quacklake.types.ColumnDefinitions} (columns from SQL definitions), the canonical Java value of
 * each type ({@link io.quacklake.types.LakeValues}, {@link io.quacklake.types.Interval}), their
 * Arrow mapping ({@link io.quacklake.types.ArrowTypes}, {@link io.quacklake.types.ArrowValues},
 * {@link io.quacklake.types.ArrowRows}, since scans and appends are Arrow) and their DuckDB text
 * ({@link io.quacklake.types.ValueText}). Public API; type-name parsing, coercion, widening and
 * ordering are in {@code io.quacklake.internal.types}. Depends on Arrow and that package only; no
 * catalog, no Parquet.
 */
package io.quacklake.types;
