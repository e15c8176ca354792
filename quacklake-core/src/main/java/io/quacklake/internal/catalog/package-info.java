/**
 * Reading the DuckLake catalog: where it is ({@link io.quacklake.internal.catalog.CatalogLocation})
 * and one gateway class per group of {@code ducklake_*} tables returning plain records. Other
 * packages run those typed methods on a {@link io.quacklake.internal.catalog.CatalogSession} handed
 * out by {@link io.quacklake.internal.catalog.CatalogConnection#read} and {@link
 * io.quacklake.internal.catalog.CatalogConnection#write}, and see no SQL: this package and its
 * sub-packages are the only ones that use {@code java.sql} (checked by {@code SqlConfinementTest});
 * {@code CatalogConnection} alone translates a failed statement. Getting a connection and how each
 * database differs live in {@link io.quacklake.internal.catalog.jdbc}. Knows nothing of Parquet or
 * scans.
 */
package io.quacklake.internal.catalog;
