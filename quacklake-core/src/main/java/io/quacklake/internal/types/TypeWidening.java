package io.quacklake.internal.types;

import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.Map;
import java.util.Set;

/**
 * The column type changes DuckLake allows: to a type every old value fits in (DuckDB requires the
 * implicit common super-type of old and new to be the new type).
 */
public final class TypeWidening {
  private static final Map<TypeId, Set<TypeId>> WIDER =
      Map.of(
          TypeId.INT8,
              Set.of(TypeId.INT16, TypeId.INT32, TypeId.INT64, TypeId.FLOAT32, TypeId.FLOAT64),
          TypeId.INT16, Set.of(TypeId.INT32, TypeId.INT64, TypeId.FLOAT32, TypeId.FLOAT64),
          TypeId.INT32, Set.of(TypeId.INT64, TypeId.FLOAT64),
          TypeId.INT64, Set.of(TypeId.FLOAT64),
          TypeId.UINT8,
              Set.of(
                  TypeId.UINT16,
                  TypeId.UINT32,
                  TypeId.UINT64,
                  TypeId.INT16,
                  TypeId.INT32,
                  TypeId.INT64,
                  TypeId.FLOAT32,
                  TypeId.FLOAT64),
          TypeId.UINT16,
              Set.of(
                  TypeId.UINT32,
                  TypeId.UINT64,
                  TypeId.INT32,
                  TypeId.INT64,
                  TypeId.FLOAT32,
                  TypeId.FLOAT64),
          TypeId.UINT32, Set.of(TypeId.UINT64, TypeId.INT64, TypeId.FLOAT64),
          TypeId.FLOAT32, Set.of(TypeId.FLOAT64));

  private TypeWidening() {}

  public static boolean allowed(LakeType from, LakeType to) {
    return WIDER.getOrDefault(from.id(), Set.of()).contains(to.id());
  }
}
