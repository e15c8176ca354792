package io.quacklake.internal.lake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a nested field by its dotted path, as DuckDB's {@code ALTER TABLE ... s.a} names it: struct
 * fields by name, a list's element as {@code element}, a map's {@code key} and {@code value}; a
 * part in double quotes may hold dots.
 */
public final class NestedFields {
  private NestedFields() {}

  /**
   * A field and the column holding it.
   *
   * @param field the field
   * @param parent the struct, list or map it belongs to; null for a top-level column
   */
  public record Found(LakeColumn field, LakeColumn parent) {}

  /**
   * The field at {@code path} among {@code columns}.
   *
   * @throws QuacklakeException NOT_FOUND naming the first part that does not exist
   */
  public static Found find(String table, List<LakeColumn> columns, String path) {
    List<String> parts = parts(path);
    LakeColumn parent = null;
    List<LakeColumn> level = columns;
    LakeColumn found = null;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      found = level.stream().filter(c -> c.name().equalsIgnoreCase(part)).findFirst().orElse(null);
      if (found == null) {
        throw QuacklakeException.notFound(
            "table %s has no field %s in %s; there are %s",
            table,
            part,
            parent == null ? "its columns" : String.join(".", parts.subList(0, i)),
            level.stream().map(LakeColumn::name).toList());
      }
      if (i < parts.size() - 1) {
        parent = found;
        level = found.children();
      }
    }
    return new Found(found, parent);
  }

  /** The parts of a dotted path, unquoted. */
  public static List<String> parts(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < path.length(); i++) {
      char ch = path.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < path.length() && path.charAt(i + 1) == '"') {
          part.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == '.' && !quoted) {
        out.add(part.toString().trim());
        part.setLength(0);
      } else {
        part.append(ch);
      }
    }
    out.add(part.toString().trim());
    if (out.stream().anyMatch(String::isEmpty)) {
      throw QuacklakeException.invalid("'%s' is not a field path such as s.a or l.element.x", path);
    }
    return out;
  }
}
