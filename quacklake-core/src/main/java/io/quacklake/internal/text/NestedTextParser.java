package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses DuckDB's VARCHAR form of nested values: {@code [1, NULL]}, {@code {'a': 1, 'b': x y}},
 * {@code {k1=1, k2=NULL}}. Elements may be quoted with {@code '} or {@code "} (backslash escapes
 * the next character); unquoted elements are trimmed, and an unquoted {@code NULL} (any case) is
 * SQL NULL.
 */
final class NestedTextParser {
  private final String in;
  private int pos;

  private NestedTextParser(String in) {
    this.in = in;
  }

  static Object parse(String text, LakeColumn column) {
    NestedTextParser p = new NestedTextParser(text);
    Object value = p.value(column, "");
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.bad(column);
    }
    return value;
  }

  private Object value(LakeColumn column, String terminators) {
    skipSpace();
    TypeId id = column.type().id();
    if (!id.isNested()) {
      return scalar(column, terminators);
    }
    if (unquotedNull(terminators)) {
      return null;
    }
    return switch (id) {
      case LIST -> list(column);
      case STRUCT -> struct(column);
      default -> map(column);
    };
  }

  private List<Object> list(LakeColumn column) {
    expect('[', column);
    List<Object> out = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return out;
    }
    do {
      out.add(value(column.children().get(0), ",]"));
      skipSpace();
    } while (consume(',', ']', column));
    return out;
  }

  private Map<String, Object> struct(LakeColumn column) {
    expect('{', column);
    Map<String, Object> out = new LinkedHashMap<>();
    column.children().forEach(c -> out.put(c.name(), null));
    skipSpace();
    if (peek() == '}') {
      pos++;
      return out;
    }
    do {
      String name = token(":");
      LakeColumn child = childNamed(column, name);
      skipSpace();
      expect(':', column);
      out.put(child.name(), value(child, ",}"));
      skipSpace();
    } while (consume(',', '}', column));
    return out;
  }

  private Map<Object, Object> map(LakeColumn column) {
    expect('{', column);
    Map<Object, Object> out = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return out;
    }
    do {
      Object key = value(column.children().get(0), "=");
      skipSpace();
      expect('=', column);
      out.put(key, value(column.children().get(1), ",}"));
      skipSpace();
    } while (consume(',', '}', column));
    return out;
  }

  private Object scalar(LakeColumn column, String terminators) {
    if (unquotedNull(terminators)) {
      return null;
    }
    return ValueParser.parse(token(terminators), column);
  }

  private boolean unquotedNull(String terminators) {
    int save = pos;
    if (in.regionMatches(true, pos, "null", 0, 4)) {
      pos += 4;
      skipSpace();
      if (pos >= in.length() || terminators.indexOf(in.charAt(pos)) >= 0 || terminators.isEmpty()) {
        return true;
      }
    }
    pos = save;
    return false;
  }

  /** A quoted or bare element, up to one of {@code terminators} at bracket depth 0. */
  private String token(String terminators) {
    skipSpace();
    if (pos < in.length() && (peek() == '\'' || peek() == '"')) {
      char quote = in.charAt(pos++);
      StringBuilder sb = new StringBuilder();
      while (pos < in.length() && in.charAt(pos) != quote) {
        char ch = in.charAt(pos++);
        if (ch == '\\' && pos < in.length()) {
          ch = in.charAt(pos++);
        }
        sb.append(ch);
      }
      pos++;
      return sb.toString();
    }
    int start = pos;
    int depth = 0;
    while (pos < in.length()) {
      char ch = in.charAt(pos);
      if (depth == 0 && terminators.indexOf(ch) >= 0) {
        break;
      }
      depth +=
          (ch == '[' || ch == '{' || ch == '(')
              ? 1
              : (ch == ']' || ch == '}' || ch == ')') ? -1 : 0;
      pos++;
    }
    return in.substring(start, pos).trim();
  }

  private LakeColumn childNamed(LakeColumn column, String name) {
    for (LakeColumn c : column.children()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw QuacklakeException.invalid(
        "'%s': struct column '%s' has no field '%s'", in, column.name(), name);
  }

  private boolean consume(char separator, char close, LakeColumn column) {
    char ch = peek();
    pos++;
    if (ch == separator) {
      return true;
    }
    if (ch == close) {
      return false;
    }
    throw bad(column);
  }

  private void expect(char ch, LakeColumn column) {
    if (peek() != ch) {
      throw bad(column);
    }
    pos++;
  }

  private char peek() {
    return pos < in.length() ? in.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < in.length() && NestedQuoting.isSpace(in.charAt(pos))) {
      pos++;
    }
  }

  private QuacklakeException bad(LakeColumn column) {
    return QuacklakeException.invalid(
        "'%s' is not DuckDB text of a %s value (column '%s'): unexpected input at offset %d",
        in, column.sqlTypeName(), column.name(), pos);
  }
}
