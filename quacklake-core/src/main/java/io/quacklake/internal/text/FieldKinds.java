package io.quacklake.internal.text;

import io.quacklake.types.ArrowTypes;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Distinctions a vector's Arrow type does not make (JSON vs VARCHAR, TIMETZ vs TIME), read from the
 * DuckLake type name or Arrow extension name in the field metadata without allocating.
 */
final class FieldKinds {
  private FieldKinds() {}

  static boolean isJson(Field field) {
    return "json".equals(metadata(field, ArrowTypes.DUCKLAKE_TYPE))
        || "arrow.json".equals(metadata(field, "ARROW:extension:name"));
  }

  static boolean isGeometry(Field field) {
    return "geometry".equals(metadata(field, ArrowTypes.DUCKLAKE_TYPE));
  }

  static boolean isTimeTz(Field field) {
    return "timetz".equals(metadata(field, ArrowTypes.DUCKLAKE_TYPE));
  }

  private static String metadata(Field field, String key) {
    Map<String, String> md = field.getMetadata();
    return md == null ? null : md.get(key);
  }
}
