/**
 * The DuckDB reference build as a test peer: running DuckDB's own CLI (with its ducklake extension)
 * on a lake in a separate process, and checking that Quacklake reads every table at every snapshot
 * exactly as DuckDB does. Test support only; depends on the public Quacklake API, the testkit's
 * rendering ({@link io.quacklake.testkit.RenderedResult}) and catalog-location parsing, never the
 * other way round.
 */
package io.quacklake.testkit.peer;
