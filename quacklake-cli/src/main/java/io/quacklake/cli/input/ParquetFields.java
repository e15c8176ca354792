package io.quacklake.cli.input;

import io.quacklake.exceptions.QuacklakeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * The field tree of a Parquet file's schema (names and field ids), read from its footer.
 *
 * @param top the top-level fields in file order
 * @param hasFieldIds whether any field carries a field id
 */
record ParquetFields(List<Node> top, boolean hasFieldIds) {
  /** Deeper schemas are refused (DuckDB's own nesting stays far below). */
  private static final int MAX_DEPTH = 1000;

  /** One field: its name, field id (or null) and children (empty for a leaf). */
  record Node(String name, Integer fieldId, List<Node> children) {
    Node child(String childName) {
      for (Node n : children) {
        if (n.name.toLowerCase(Locale.ROOT).equals(childName.toLowerCase(Locale.ROOT))) {
          return n;
        }
      }
      return null;
    }

    /** The single child of a wrapper group (a list's repeated group), or this node. */
    Node onlyChild() {
      return children.size() == 1 ? children.get(0) : this;
    }
  }

  /**
   * @throws QuacklakeException INVALID_ARGUMENT when the file is not Parquet, CORRUPT naming the
   *     file when its footer is damaged
   */
  static ParquetFields read(Path file) throws IOException {
    FileMetaData meta;
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      if (size < 12 || channel.read(tail, size - 8) != 8 || tail.getInt(4) != 0x31524150) {
        throw QuacklakeException.invalid(
            "%s is not a Parquet file (no PAR1 footer); check --input-format", file.getFileName());
      }
      long length = Integer.toUnsignedLong(tail.getInt(0));
      if (length > size - 12) {
        throw damaged(
            file,
            "its footer length " + length + " exceeds the file size " + size + " (truncated?)");
      }
      ByteBuffer footer = ByteBuffer.allocate((int) length);
      channel.read(footer, size - 8 - length);
      try {
        meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
      } catch (IOException | RuntimeException e) {
        throw damaged(file, "its footer does not parse");
      }
    }
    if (meta.getSchema() == null || meta.getSchema().isEmpty()) {
      throw damaged(file, "its footer has no schema");
    }
    Iterator<SchemaElement> elements = meta.getSchema().iterator();
    SchemaElement root = elements.next();
    boolean[] ids = {false};
    List<Node> top = new ArrayList<>();
    for (int i = 0; i < root.getNum_children(); i++) {
      top.add(node(file, elements, ids, 1));
    }
    return new ParquetFields(top, ids[0]);
  }

  private static Node node(Path file, Iterator<SchemaElement> elements, boolean[] ids, int depth) {
    if (!elements.hasNext() || depth > MAX_DEPTH) {
      throw damaged(
          file,
          elements.hasNext()
              ? "its schema nests deeper than " + MAX_DEPTH + " levels"
              : "its schema declares more fields than it has");
    }
    SchemaElement e = elements.next();
    Integer id = e.isSetField_id() ? e.getField_id() : null;
    ids[0] |= id != null;
    List<Node> children = new ArrayList<>();
    for (int i = 0; e.isSetNum_children() && i < e.getNum_children(); i++) {
      children.add(node(file, elements, ids, depth + 1));
    }
    return new Node(e.getName(), id, children);
  }

  private static QuacklakeException damaged(Path file, String what) {
    return QuacklakeException.corrupt(
        "Parquet file %s is damaged: %s; write it again", file.getFileName(), what);
  }
}
