/**
 * Storage of data and delete files: the small {@link io.quacklake.storage.ObjectStore} seam, the
 * {@link io.quacklake.storage.Location} value type and the local file system implementation. Knows
 * nothing of catalogs, Parquet or Arrow.
 */
package io.quacklake.storage;
