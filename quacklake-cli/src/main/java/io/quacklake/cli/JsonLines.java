package io.quacklake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quacklake.cli.input.JsonTrees;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import io.quacklake.types.ValueText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * JSON lines: one object per row. Numbers and booleans stay JSON numbers and booleans, nested
 * values and JSON columns are embedded as JSON, everything else is DuckDB's text of the value.
 */
final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  static String ofStrings(List<String> header, String[] cells) {
    ObjectNode node = MAPPER.createObjectNode();
    for (int i = 0; i < cells.length; i++) {
      node.put(header.get(i), cells[i]);
    }
    return node.toString();
  }

  static String ofRow(List<FieldVector> vectors, int row) {
    ObjectNode node = MAPPER.createObjectNode();
    for (FieldVector v : vectors) {
      put(node, v, row);
    }
    return node.toString();
  }

  private static void put(ObjectNode node, FieldVector v, int row) {
    String name = v.getName();
    if (v.isNull(row)) {
      node.putNull(name);
      return;
    }
    LakeType type = ArrowTypes.lakeType(v.getField());
    TypeId id = type == null ? TypeId.VARCHAR : type.id();
    switch (id) {
      case BOOLEAN -> node.put(name, (Boolean) ArrowValues.get(v, row));
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 ->
          node.put(name, (Long) ArrowValues.get(v, row));
      case UINT64, INT128, UINT128 -> node.put(name, (BigInteger) ArrowValues.get(v, row));
      case DECIMAL -> node.put(name, (BigDecimal) ArrowValues.get(v, row));
      case FLOAT32, FLOAT64 -> {
        double d = (Double) ArrowValues.get(v, row);
        if (id == TypeId.FLOAT32 && Double.isFinite(d) && d != 0) {
          node.put(name, new BigDecimal(ValueText.render(v, row))); // 1.1, not 1.100000023841858
        } else if (Double.isFinite(d)) {
          node.put(name, d);
        } else {
          node.put(name, ValueText.render(v, row));
        }
      }
      case STRUCT, LIST, MAP, JSON, VARIANT -> node.set(name, tree(ValueText.render(v, row)));
      default -> node.put(name, ValueText.render(v, row));
    }
  }

  /** DuckDB's {@code to_json} text as a tree: exact numbers, {@code -0.0}, NaN and infinities. */
  private static JsonNode tree(String json) {
    try {
      return JsonTrees.parse(json);
    } catch (IOException notJson) {
      return MAPPER.getNodeFactory().textNode(json);
    }
  }
}
