package io.quacklake.internal.text;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * DuckDB's {@code to_json(x)} of one Arrow cell: numbers and booleans bare (decimals of precision
 * up to 15 as doubles), other primitives as JSON strings of their VARCHAR text, JSON values inline
 * and minified, map keys as the VARCHAR text of the key.
 */
final class JsonCellWriter {
  private JsonCellWriter() {}

  static void append(StringBuilder out, FieldVector vector, int index) {
    if (vector.isNull(index)) {
      out.append("null");
    } else if (vector instanceof MapVector map) {
      appendMap(out, map, index);
    } else if (vector instanceof ListVector list) {
      int start = list.getElementStartIndex(index);
      int end = list.getElementEndIndex(index);
      out.append('[');
      for (int i = start; i < end; i++) {
        if (i > start) {
          out.append(',');
        }
        append(out, list.getDataVector(), i);
      }
      out.append(']');
    } else if (vector instanceof StructVector struct) {
      out.append('{');
      boolean first = true;
      for (FieldVector child : struct.getChildrenFromFields()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        JsonText.appendQuoted(out, child.getName());
        out.append(':');
        append(out, child, index);
      }
      out.append('}');
    } else {
      appendPrimitive(out, vector, index);
    }
  }

  private static void appendMap(StringBuilder out, MapVector map, int index) {
    StructVector entries = (StructVector) map.getDataVector();
    FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
    FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
    int start = map.getElementStartIndex(index);
    int end = map.getElementEndIndex(index);
    out.append('{');
    StringBuilder key = new StringBuilder();
    for (int i = start; i < end; i++) {
      if (i > start) {
        out.append(',');
      }
      key.setLength(0);
      VarcharText.appendCell(key, keys, i);
      JsonText.appendQuoted(out, key);
      out.append(':');
      append(out, values, i);
    }
    out.append('}');
  }

  private static void appendPrimitive(StringBuilder out, FieldVector vector, int index) {
    if (vector instanceof BitVector
        || vector instanceof BaseIntVector
        || (vector instanceof DecimalVector d && d.getPrecision() > 15)
        || vector instanceof org.apache.arrow.vector.Decimal256Vector) {
      CellText.append(out, vector, index);
    } else if (vector instanceof DecimalVector d) {
      FloatText.appendJson(out, d.getObject(index).doubleValue());
    } else if (vector instanceof Float4Vector f) {
      FloatText.appendJson(out, f.get(index));
    } else if (vector instanceof Float8Vector f) {
      FloatText.appendJson(out, f.get(index));
    } else if (vector instanceof VarCharVector v) {
      String s = new String(v.get(index), StandardCharsets.UTF_8);
      if (FieldKinds.isJson(vector.getField())) {
        JsonText.appendMinified(out, s);
      } else {
        JsonText.appendQuoted(out, s);
      }
    } else if (vector instanceof VarBinaryVector) {
      StringBuilder text = new StringBuilder();
      CellText.append(text, vector, index);
      JsonText.appendQuoted(out, text);
    } else {
      // Dates, times, timestamps, intervals and UUIDs: their text needs no JSON escaping.
      out.append('"');
      CellText.append(out, vector, index);
      out.append('"');
    }
  }
}
