/**
 * Test support shared by the modules' tests: the golden lakes written by DuckDB (discovery,
 * manifests, expected results), rendering scan results the way DuckDB prints them, and copying a
 * DuckDB catalog into a SQLite catalog. Test scope only; never a dependency of the library.
 */
package io.quacklake.testkit;
