package io.quacklake.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a JSON value to a column's canonical value: arrays to lists, objects to structs (by
 * field name) or maps (keys converted from text), {@code json} columns take any value as its JSON
 * text (a string stays a JSON string, as in DuckDB's {@code read_json}), and scalars convert as
 * their text would ({@code 1.5}, {@code "2024-01-02"}, {@code true}).
 */
final class JsonValues {
  private JsonValues() {}

  /**
   * @param where the file, line and column path for errors
   * @throws QuacklakeException INVALID_ARGUMENT naming {@code where} when the value does not fit
   */
  static Object convert(JsonNode node, LakeColumn column, String where) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return CellValues.checkNull(column, where);
    }
    TypeId id = column.type().id();
    return switch (id) {
      case JSON, VARIANT -> node.toString();
      case LIST -> list(node, column, where);
      case STRUCT -> struct(node, column, where);
      case MAP -> map(node, column, where);
      default -> {
        if (node.isContainerNode()) {
          throw mismatch(node, column, where);
        }
        yield CellValues.parse(node.asText(), column, where);
      }
    };
  }

  private static List<Object> list(JsonNode node, LakeColumn column, String where) {
    if (!node.isArray()) {
      throw mismatch(node, column, where);
    }
    LakeColumn element = column.children().get(0);
    List<Object> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(convert(node.get(i), element, where + "[" + i + "]"));
    }
    return out;
  }

  private static Map<String, Object> struct(JsonNode node, LakeColumn column, String where) {
    if (!node.isObject()) {
      throw mismatch(node, column, where);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (column.child(name) == null) {
        throw QuacklakeException.invalid(
            "%s: field '%s' is not in %s", where, name, column.sqlTypeName());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (LakeColumn field : column.children()) {
      out.put(field.name(), convert(node.get(field.name()), field, where + "." + field.name()));
    }
    return out;
  }

  private static Map<Object, Object> map(JsonNode node, LakeColumn column, String where) {
    if (!node.isObject()) {
      throw mismatch(node, column, where);
    }
    LakeColumn key = column.children().get(0);
    LakeColumn value = column.children().get(1);
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = where + "['" + e.getKey() + "']";
      out.put(CellValues.parse(e.getKey(), key, at), convert(e.getValue(), value, at));
    }
    return out;
  }

  private static QuacklakeException mismatch(JsonNode node, LakeColumn column, String where) {
    return QuacklakeException.invalid(
        "%s: %s is not a %s", where, abbreviated(node.toString()), column.sqlTypeName());
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
