package io.quacklake;

import java.util.Objects;

/**
 * A DuckLake option as DuckDB's {@code ducklake_options()} lists it: its name and value, and where
 * it applies — the whole lake, one schema ({@code scopeEntry} is the schema's name) or one table
 * ({@code schema.table}). A table's writes use its own value, else its schema's, else the lake's.
 */
public record LakeOption(String name, String value, Scope scope, String scopeEntry) {
  /** Where an option applies. */
  public enum Scope {
    GLOBAL,
    SCHEMA,
    TABLE
  }

  public LakeOption {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(scope, "scope is null");
  }
}
