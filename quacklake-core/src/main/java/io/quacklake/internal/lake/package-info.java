/**
 * What stands behind the public facades: {@link io.quacklake.internal.lake.LakeContext} (one per
 * open lake: catalog, gateways, data paths, store, allocator, reader pool, options), table lookup
 * by name, and a transaction's parts: its tables and views as it sees them, its write settings
 * (read once per transaction), row statements (append, delete, update, merge), its own-file
 * rewrites, the plans its reads use and the storage side of its commit. Implementation; may use
 * every other internal package and the public value types, and is used only by {@code
 * io.quacklake}.
 */
package io.quacklake.internal.lake;
