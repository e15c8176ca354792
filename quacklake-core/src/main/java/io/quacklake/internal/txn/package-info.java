/**
 * Transactions and the commit protocol. A {@link io.quacklake.internal.txn.TransactionState}
 * collects what a transaction did; {@link io.quacklake.internal.txn.Committer} commits it as one
 * snapshot in one catalog transaction (ids allocated from the latest snapshot, retry with back-off
 * on a lost race); {@link io.quacklake.internal.txn.Change} and {@link
 * io.quacklake.internal.txn.ChangesMade} encode the {@code changes_made} log exactly as DuckDB
 * writes and parses it, and {@link io.quacklake.internal.txn.SnapshotChanges} shows it as DuckDB's
 * {@code ducklake_snapshots()} does (one parser serves both); {@link
 * io.quacklake.internal.txn.ConflictRules} decides, as a pure function, whether a commit conflicts
 * with snapshots committed since its base. Catalog SQL stays in the catalog package; Parquet files
 * come from the write package.
 */
package io.quacklake.internal.txn;
