package io.quacklake.types;

import io.quacklake.internal.types.SqlTypeNames;
import java.util.List;
import java.util.Objects;

/**
 * One column of a table as the catalog describes it at a snapshot: a top-level column or a nested
 * field (struct field, list {@code element}, map {@code key}/{@code value}).
 *
 * @param id the DuckLake column id (= Parquet field id); never reused within a table
 * @param name the column name (child names for lists and maps are fixed)
 * @param type the type; nested structure is in {@code children}
 * @param nullable false only for NOT NULL columns
 * @param initialDefault value (DuckDB text) for rows of files written before the column existed, or
 *     null
 * @param defaultValue the insert default (DuckDB text), or null when there is none
 * @param children nested fields in order; empty for primitive types
 */
public record LakeColumn(
    long id,
    String name,
    LakeType type,
    boolean nullable,
    String initialDefault,
    String defaultValue,
    List<LakeColumn> children)
    implements java.io.Serializable {

  public LakeColumn {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    children = List.copyOf(children);
  }

  public static LakeColumn of(long id, String name, LakeType type) {
    return new LakeColumn(id, name, type, true, null, null, List.of());
  }

  /** The type name with nested structure, in DuckDB SQL form, e.g. {@code STRUCT(a INTEGER)}. */
  public String sqlTypeName() {
    return SqlTypeNames.of(this);
  }

  public LakeColumn child(String childName) {
    for (LakeColumn c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }
}
