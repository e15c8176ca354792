/**
 * Azure Blob Storage behind core's {@link io.quacklake.storage.ObjectStore} seam, with the Azure
 * SDK for Java over the JDK's HTTP client: {@code az://container/prefix} and {@code
 * abfss://container@account.dfs.core.windows.net/prefix} locations, ranged reads, block-blob
 * uploads streamed in blocks, listings, and conditional creates ({@code If-None-Match: *}) for the
 * object-store catalog. Registered with {@link java.util.ServiceLoader}; core never sees the SDK,
 * and this package uses core's public API only.
 */
package io.quacklake.azure;
