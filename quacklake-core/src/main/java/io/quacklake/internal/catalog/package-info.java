/**
 * Reading the DuckLake catalog: where it is ({@link
 * io.quacklake.internal.catalog.CatalogLocation}), how each database differs ({@link
 * io.quacklake.internal.catalog.SqlDialect}), and one gateway class per group of {@code ducklake_*}
 * tables returning plain records. The only package that uses {@code java.sql}. Knows nothing of
 * Parquet or scans.
 */
package io.quacklake.internal.catalog;
