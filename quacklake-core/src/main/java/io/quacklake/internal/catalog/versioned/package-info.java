/**
 * The object-store catalog (zero infrastructure, decision 0009): a SQLite DuckLake catalog kept in
 * an object store as immutable versions. Version N is a manifest listing an image of the database
 * file as fixed-size blocks by content hash, and the page deltas of the commits since that image
 * (decision 0022); blocks and deltas are immutable, content-addressed objects; a commit creates
 * manifest N+1 only if it does not exist yet. This package owns the layout, manifests, blocks,
 * version discovery, publishing, restore, export and garbage collection. It depends on the storage
 * seam only; it knows nothing of DuckLake tables (the catalog package runs SQL on the local copy).
 */
package io.quacklake.internal.catalog.versioned;
