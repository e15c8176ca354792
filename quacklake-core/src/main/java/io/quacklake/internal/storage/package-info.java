/**
 * The built-in object stores and their lookup: the local file system ({@link
 * io.quacklake.internal.storage.LocalObjectStore}: files forced to disk before they get their
 * name), memory, the conditional-write probe, and {@link
 * io.quacklake.internal.storage.ObjectStores}, which finds the store for a location's scheme among
 * the {@link io.quacklake.storage.ObjectStoreProvider}s. Implementation; depends on {@code
 * io.quacklake.storage} only.
 */
package io.quacklake.internal.storage;
