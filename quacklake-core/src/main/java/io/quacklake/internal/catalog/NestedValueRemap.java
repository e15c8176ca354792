package io.quacklake.internal.catalog;

import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a nested value written under an older shape of its column into the current shape, by
 * field id: renamed fields take their new names, dropped fields go, added fields read as their
 * initial default (else NULL) — what readers of Parquet files get by field id.
 */
final class NestedValueRemap {
  private NestedValueRemap() {}

  /** {@code value}, a canonical value of {@code then}, as a value of {@code now}. */
  static Object remap(Object value, LakeColumn then, LakeColumn now) {
    if (value == null || then.children().isEmpty() || now.children().isEmpty()) {
      return value;
    }
    return switch (now.type().id()) {
      case STRUCT -> struct((Map<?, ?>) value, then, now);
      case LIST -> list((List<?>) value, then.children().get(0), now.children().get(0));
      case MAP -> map((Map<?, ?>) value, then, now);
      default -> value;
    };
  }

  private static Map<String, Object> struct(Map<?, ?> value, LakeColumn then, LakeColumn now) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (LakeColumn field : now.children()) {
      LakeColumn old = byId(then, field.id());
      if (old == null) {
        out.put(
            field.name(),
            field.initialDefault() == null
                ? null
                : DuckDbText.parse(field.initialDefault(), field));
      } else {
        out.put(field.name(), remap(value.get(old.name()), old, field));
      }
    }
    return out;
  }

  private static List<Object> list(List<?> value, LakeColumn then, LakeColumn now) {
    List<Object> out = new ArrayList<>(value.size());
    for (Object element : value) {
      out.add(remap(element, then, now));
    }
    return out;
  }

  private static Map<Object, Object> map(Map<?, ?> value, LakeColumn then, LakeColumn now) {
    Map<Object, Object> out = new LinkedHashMap<>();
    LakeColumn keyThen = then.children().get(0);
    LakeColumn valueThen = then.children().get(1);
    LakeColumn keyNow = now.children().get(0);
    LakeColumn valueNow = now.children().get(1);
    value.forEach((k, v) -> out.put(remap(k, keyThen, keyNow), remap(v, valueThen, valueNow)));
    return out;
  }

  private static LakeColumn byId(LakeColumn parent, long id) {
    for (LakeColumn c : parent.children()) {
      if (c.id() == id) {
        return c;
      }
    }
    return null;
  }
}
