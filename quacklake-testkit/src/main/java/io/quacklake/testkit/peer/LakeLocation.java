package io.quacklake.testkit.peer;

import java.util.Objects;

/**
 * A lake as both Quacklake and the DuckDB peer open it.
 *
 * @param catalog a Quacklake catalog location the peer can attach ({@code duckdb:PATH} or {@code
 *     postgres:CONNINFO})
 * @param dataPath the data path to read with (Quacklake's {@code LakeOptions.dataPath}, the peer's
 *     {@code DATA_PATH}), or null for the one the catalog stores
 */
public record LakeLocation(String catalog, String dataPath) {
  public LakeLocation {
    Objects.requireNonNull(catalog, "catalog is null");
  }
}
