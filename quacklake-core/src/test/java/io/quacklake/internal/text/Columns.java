package io.quacklake.internal.text;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.List;

/** Builds column trees for tests. */
final class Columns {
  private Columns() {}

  static LakeColumn of(TypeId id) {
    return LakeColumn.of(1, "c", LakeType.of(id));
  }

  static LakeColumn named(String name, TypeId id) {
    return LakeColumn.of(1, name, LakeType.of(id));
  }

  static LakeColumn decimal(String name, int precision, int scale) {
    return LakeColumn.of(1, name, LakeType.decimal(precision, scale));
  }

  static LakeColumn list(String name, LakeColumn element) {
    return nested(name, TypeId.LIST, List.of(rename(element, "element")));
  }

  static LakeColumn struct(String name, LakeColumn... fields) {
    return nested(name, TypeId.STRUCT, List.of(fields));
  }

  static LakeColumn map(String name, LakeColumn key, LakeColumn value) {
    return nested(name, TypeId.MAP, List.of(rename(key, "key"), rename(value, "value")));
  }

  static LakeColumn rename(LakeColumn c, String name) {
    return new LakeColumn(c.id(), name, c.type(), c.nullable(), null, null, c.children());
  }

  private static LakeColumn nested(String name, TypeId id, List<LakeColumn> children) {
    return new LakeColumn(1, name, LakeType.of(id), true, null, null, children);
  }
}
