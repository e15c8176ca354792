/**
 * DuckLake types and their mapping to Arrow: {@link io.quacklake.types.LakeType} (a stored type
 * name), {@link io.quacklake.types.LakeColumn} (a column tree as the catalog holds it), the
 * canonical Java value of each type ({@link io.quacklake.types.Interval} and java.time / JDK types)
 * and {@link io.quacklake.types.ArrowTypes}. Depends on Arrow's type classes only.
 */
package io.quacklake.types;
