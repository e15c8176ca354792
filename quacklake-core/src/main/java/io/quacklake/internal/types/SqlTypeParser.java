package io.quacklake.internal.types;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.types.SqlTypeTokens.Kind;
import io.quacklake.internal.types.SqlTypeTokens.Token;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses DuckDB SQL type names ({@code BIGINT}, {@code DECIMAL(12,2)}, {@code INTEGER[][]}, {@code
 * STRUCT(a INTEGER, "b c" VARCHAR)}, {@code MAP(VARCHAR, INTEGER)}, every DuckDB alias of the
 * DuckLake types) and column definition lists ({@code id BIGINT NOT NULL, d DECIMAL(12,2) DEFAULT
 * 1.5}) into {@link LakeColumn} trees. Column ids are 0: the transaction that creates the table
 * allocates them. List elements are named {@code element}, map children {@code key} and {@code
 * value}, as DuckLake stores them.
 *
 * <p>Errors are INVALID_ARGUMENT naming the position and the accepted forms, or UNSUPPORTED for
 * DuckDB types DuckLake cannot store (ENUM, UNION, fixed-size arrays, BIT, ...).
 */
public final class SqlTypeParser {
  /** How deep types may nest (lists, structs and maps inside each other). */
  public static final int MAX_NESTING = 128;

  private final String sql;
  private final List<Token> tokens;
  private int next;

  /** Structs and maps open around the type being parsed. */
  private int open;

  /** Levels of the type parsed last (1 for a primitive type). */
  private int height;

  private SqlTypeParser(String sql) {
    this.sql = sql;
    this.tokens = SqlTypeTokens.of(sql);
  }

  /**
   * Parses one type into a nullable column named {@code name}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for text that is not a type, UNSUPPORTED for a
   *     DuckDB type DuckLake cannot store
   */
  public static LakeColumn type(String name, String type) {
    SqlTypeParser p = new SqlTypeParser(type);
    LakeColumn column = p.parseType(name);
    p.expectEnd();
    return column;
  }

  /**
   * Parses {@code name TYPE [NOT NULL | NULL] [DEFAULT literal], ...}. Names may be double-quoted.
   * A default is kept as the literal's value text ({@code 1.5}, {@code text} for {@code 'text'},
   * {@code true}; {@code DEFAULT NULL} is no default), not yet converted to the column's type; see
   * {@link io.quacklake.types.ColumnDefinitions} for defaults in DuckDB's stored form.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for malformed text or a repeated column name,
   *     UNSUPPORTED for a type or constraint DuckLake cannot store
   */
  public static List<LakeColumn> columns(String definitions) {
    SqlTypeParser p = new SqlTypeParser(definitions);
    List<LakeColumn> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    do {
      Token nameToken = p.peek();
      LakeColumn c = p.parseColumn();
      if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
        throw p.invalid(nameToken, "column \"" + c.name() + "\" is defined twice");
      }
      out.add(c);
    } while (p.accept(","));
    p.expectEnd();
    return out;
  }

  private LakeColumn parseColumn() {
    String name = name("a column name");
    LakeColumn type = parseType(name);
    boolean nullable = true;
    String defaultValue = null;
    while (peek().kind() == Kind.WORD) {
      Token t = take();
      String word = t.text().toUpperCase(Locale.ROOT);
      switch (word) {
        case "NOT" -> {
          expect("NULL");
          nullable = false;
        }
        case "NULL" -> nullable = true;
        case "DEFAULT" -> defaultValue = literal();
        case "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "COLLATE", "GENERATED", "AS" ->
            throw QuacklakeException.unsupported(
                "%s at position %d of \"%s\": DuckLake tables support only NOT NULL and DEFAULT",
                t.text(), t.position(), sql);
        default -> throw invalid(t, "expected NOT NULL, DEFAULT literal, ',' or the end");
      }
    }
    return new LakeColumn(0, name, type.type(), nullable, null, defaultValue, type.children());
  }

  private LakeColumn parseType(String name) {
    LakeColumn column = baseType(name);
    int levels = height;
    while (peek().is("[")) {
      Token bracket = take();
      if (peek().kind() == Kind.NUMBER) {
        throw QuacklakeException.unsupported(
            "fixed-size array type at position %d of \"%s\": DuckLake has no fixed-size arrays;"
                + " use a list such as INTEGER[]",
            bracket.position(), sql);
      }
      expect("]");
      column = list(name, column);
      checkNesting(bracket, ++levels);
    }
    height = levels;
    return column;
  }

  private void checkNesting(Token at, int levels) {
    if (levels > MAX_NESTING) {
      throw invalid(
          at,
          "the type nests lists, structs and maps more than " + MAX_NESTING + " deep",
          "use a flatter type");
    }
  }

  /** Counts one more struct or map opened at {@code at} around the type being parsed. */
  private void enterNested(Token at) {
    checkNesting(at, ++open);
  }

  /** Closes a struct or map whose tallest child has {@code tallest} levels. */
  private LakeColumn leaveNested(Token at, int tallest, LakeColumn column) {
    open--;
    height = tallest + 1;
    checkNesting(at, height);
    return column;
  }

  private LakeColumn baseType(String name) {
    Token t = peek();
    if (t.kind() != Kind.WORD) {
      throw invalid(t, "expected a type name", "use one of " + SqlTypeAliases.ACCEPTED);
    }
    take();
    String word = t.text().toUpperCase(Locale.ROOT);
    height = 1;
    switch (word) {
      case "STRUCT" -> {
        return struct(t, name);
      }
      case "MAP" -> {
        enterNested(t);
        expect("(");
        LakeColumn key = parseType("key");
        int tallest = height;
        expect(",");
        LakeColumn value = parseType("value");
        tallest = Math.max(tallest, height);
        expect(")");
        return leaveNested(t, tallest, nested(name, TypeId.MAP, List.of(key, value)));
      }
      case "DECIMAL", "NUMERIC", "DEC" -> {
        return LakeColumn.of(0, name, decimal(t));
      }
      case "DOUBLE" -> {
        accept("PRECISION");
        return LakeColumn.of(0, name, LakeType.of(TypeId.FLOAT64));
      }
      case "TIME", "TIMESTAMP" -> {
        boolean tz = timeZoneSuffix();
        TypeId id = word.equals("TIME") ? TypeId.TIME : TypeId.TIMESTAMP;
        TypeId withZone = word.equals("TIME") ? TypeId.TIMETZ : TypeId.TIMESTAMPTZ;
        return LakeColumn.of(0, name, LakeType.of(tz ? withZone : id));
      }
      default -> {}
    }
    TypeId id = SqlTypeAliases.primitive(word);
    if (id == null) {
      if (SqlTypeAliases.unsupported(word)) {
        throw QuacklakeException.unsupported(
            "type %s at position %d of \"%s\" cannot be stored in a DuckLake table; use one of %s",
            t.text(), t.position(), sql, SqlTypeAliases.ACCEPTED);
      }
      throw invalid(t, "unknown type " + t.text(), "use one of " + SqlTypeAliases.ACCEPTED);
    }
    if (SqlTypeAliases.takesLength(id) && accept("(")) {
      number("a length");
      expect(")");
    }
    return LakeColumn.of(0, name, LakeType.of(id));
  }

  private LakeColumn struct(Token at, String name) {
    enterNested(at);
    expect("(");
    List<LakeColumn> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int tallest = 0;
    do {
      Token fieldToken = peek();
      String field = name("a struct field name");
      if (!seen.add(field.toLowerCase(Locale.ROOT))) {
        throw invalid(fieldToken, "struct field \"" + field + "\" appears twice");
      }
      fields.add(parseType(field));
      tallest = Math.max(tallest, height);
    } while (accept(","));
    expect(")");
    return leaveNested(at, tallest, nested(name, TypeId.STRUCT, fields));
  }

  private LakeType decimal(Token at) {
    int precision = 18;
    int scale = 3;
    if (accept("(")) {
      precision = number("a precision");
      scale = accept(",") ? number("a scale") : 0;
      expect(")");
    }
    if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
      throw invalid(
          at,
          "DECIMAL(" + precision + "," + scale + ") needs precision 1..38 and scale 0..precision");
    }
    return LakeType.decimal(precision, scale);
  }

  /** Consumes {@code WITH TIME ZONE} (true) or {@code WITHOUT TIME ZONE} (false) if present. */
  private boolean timeZoneSuffix() {
    boolean with = accept("WITH");
    if (!with && !accept("WITHOUT")) {
      return false;
    }
    expect("TIME");
    expect("ZONE");
    return with;
  }

  private String literal() {
    Token t = take();
    if (t.is("-") || t.is("+")) {
      Token n = take();
      if (n.kind() != Kind.NUMBER) {
        throw invalid(n, "expected a number after " + t.text());
      }
      return t.is("-") ? "-" + n.text() : n.text();
    }
    return switch (t.kind()) {
      case NUMBER, STRING -> t.text();
      case WORD -> {
        String word = t.text().toUpperCase(Locale.ROOT);
        if (word.equals("TRUE") || word.equals("FALSE")) {
          yield word.toLowerCase(Locale.ROOT);
        }
        if (word.equals("NULL")) {
          yield null;
        }
        if (peek().kind() == Kind.STRING) {
          yield take().text(); // a typed literal such as DATE '2024-01-01'
        }
        throw invalid(t, "a DEFAULT must be a literal (1.5, 'text', true, DATE '2024-01-01')");
      }
      default ->
          throw invalid(t, "a DEFAULT must be a literal (1.5, 'text', true, DATE '2024-01-01')");
    };
  }

  private String name(String what) {
    Token t = take();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED) {
      throw invalid(t, "expected " + what);
    }
    return t.text();
  }

  private int number(String what) {
    Token t = take();
    if (t.kind() == Kind.NUMBER && t.text().matches("\\d{1,9}")) {
      return Integer.parseInt(t.text());
    }
    throw invalid(t, "expected " + what + " (a whole number)");
  }

  private static LakeColumn list(String name, LakeColumn element) {
    return nested(name, TypeId.LIST, List.of(renamed(element, "element")));
  }

  private static LakeColumn nested(String name, TypeId id, List<LakeColumn> children) {
    return new LakeColumn(0, name, LakeType.of(id), true, null, null, children);
  }

  private static LakeColumn renamed(LakeColumn c, String name) {
    return new LakeColumn(
        c.id(), name, c.type(), c.nullable(), c.initialDefault(), c.defaultValue(), c.children());
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Kind.END) {
      next++;
    }
    return t;
  }

  private boolean accept(String symbolOrWord) {
    if (peek().is(symbolOrWord) && peek().kind() != Kind.END) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(String symbolOrWord) {
    if (!accept(symbolOrWord)) {
      throw invalid(peek(), "expected " + symbolOrWord);
    }
  }

  private void expectEnd() {
    if (peek().kind() != Kind.END) {
      throw invalid(peek(), "expected ',' or the end");
    }
  }

  private QuacklakeException invalid(Token at, String problem) {
    return invalid(at, problem, "found " + at.describe());
  }

  private QuacklakeException invalid(Token at, String problem, String hint) {
    return QuacklakeException.invalid(
        "%s at position %d of \"%s\"; %s", problem, at.position(), sql, hint);
  }
}
