/**
 * Storage of data and delete files: the small {@link io.quacklake.storage.ObjectStore} seam, the
 * {@link io.quacklake.storage.Location} value type and the local file system implementation. Holds
 * the two guards every write relies on: {@link io.quacklake.storage.Location#resolve} keeps a
 * relative path inside its directory, and local files are forced to disk before they get their
 * name. Knows nothing of catalogs, Parquet or Arrow.
 */
package io.quacklake.storage;
