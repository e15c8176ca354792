/**
 * The pluggable storage seam for data and delete files (decision 0008): {@link
 * io.quacklake.storage.ObjectStore}, its capability {@link
 * io.quacklake.storage.SupportsConditionalWrites}, the {@link io.quacklake.storage.Location} value
 * type, and {@link io.quacklake.storage.ObjectStoreProvider}, through which a module such as {@code
 * quacklake-s3} adds a scheme with {@link io.quacklake.storage.StorageSettings}. {@link
 * io.quacklake.storage.Location#resolve} keeps a relative path inside its directory. Public API (a
 * service-provider interface); the local and memory stores and the provider lookup are in {@code
 * io.quacklake.internal.storage}. Knows nothing of catalogs, Parquet or Arrow.
 */
package io.quacklake.storage;
