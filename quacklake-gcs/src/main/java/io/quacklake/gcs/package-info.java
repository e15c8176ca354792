/**
 * Google Cloud Storage behind core's {@link io.quacklake.storage.ObjectStore} seam, through
 * Google's own Java client over its JSON API: ranged reads, resumable uploads with bounded memory,
 * listings, deletes, and conditional creates (generation match 0) for the object-store catalog, for
 * {@code gs://} and {@code gcs://} locations. Registered with {@link java.util.ServiceLoader}; core
 * never sees the client. Uses core's public API only.
 */
package io.quacklake.gcs;
