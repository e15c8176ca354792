/**
 * The type machinery behind {@code io.quacklake.types}: parsing DuckDB type names, the Arrow field
 * mapping, value coercion, type widening and value ordering. Implementation; depends on {@code
 * io.quacklake.types} and Arrow only.
 */
package io.quacklake.internal.types;
