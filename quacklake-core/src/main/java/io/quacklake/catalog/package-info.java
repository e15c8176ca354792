/**
 * Reading the DuckLake catalog: where it is ({@link io.quacklake.catalog.CatalogLocation}), how
 * each database differs ({@link io.quacklake.catalog.SqlDialect}), and one gateway class per group
 * of {@code ducklake_*} tables returning plain records. The only package that uses {@code
 * java.sql}. Knows nothing of Parquet or scans.
 */
package io.quacklake.catalog;
