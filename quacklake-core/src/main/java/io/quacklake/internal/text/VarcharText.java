package io.quacklake.internal.text;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * {@code CAST(x AS VARCHAR)} of one Arrow cell including nested ones: {@code [1, NULL]}, {@code
 * {'a': 1}}, {@code {k=v}}, primitives inside quoted per {@link NestedQuoting}.
 */
final class VarcharText {
  private VarcharText() {}

  static void appendCell(StringBuilder out, FieldVector vector, int index) {
    if (vector.isNull(index)) {
      out.append("NULL");
    } else if (vector instanceof MapVector map) {
      StructVector entries = (StructVector) map.getDataVector();
      FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
      FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
      out.append('{');
      for (int i = map.getElementStartIndex(index); i < map.getElementEndIndex(index); i++) {
        if (i > map.getElementStartIndex(index)) {
          out.append(", ");
        }
        appendElement(out, keys, i);
        out.append('=');
        appendElement(out, values, i);
      }
      out.append('}');
    } else if (vector instanceof ListVector list) {
      out.append('[');
      for (int i = list.getElementStartIndex(index); i < list.getElementEndIndex(index); i++) {
        if (i > list.getElementStartIndex(index)) {
          out.append(", ");
        }
        appendElement(out, list.getDataVector(), i);
      }
      out.append(']');
    } else if (vector instanceof StructVector struct) {
      out.append('{');
      boolean first = true;
      for (FieldVector child : struct.getChildrenFromFields()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        NestedQuoting.append(out, child.getName(), true);
        out.append(": ");
        appendElement(out, child, index);
      }
      out.append('}');
    } else {
      CellText.append(out, vector, index);
    }
  }

  private static void appendElement(StringBuilder out, FieldVector vector, int index) {
    if (vector.isNull(index) || vector instanceof ListVector || vector instanceof StructVector) {
      appendCell(out, vector, index);
    } else {
      StringBuilder text = new StringBuilder();
      CellText.append(text, vector, index);
      NestedQuoting.append(out, text, false);
    }
  }
}
