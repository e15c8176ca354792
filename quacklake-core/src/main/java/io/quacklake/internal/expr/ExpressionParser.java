package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.And;
import io.quacklake.expr.Between;
import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.InList;
import io.quacklake.expr.IsNull;
import io.quacklake.expr.Like;
import io.quacklake.expr.Literal;
import io.quacklake.expr.Not;
import io.quacklake.expr.Or;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Recursive-descent parser for the filter grammar of {@code docs/cli.md}. Precedence, loosest
 * first: OR, AND, NOT, then predicates (comparison, IS [NOT] NULL, IS [NOT] DISTINCT FROM, [NOT]
 * BETWEEN, [NOT] IN, [NOT] LIKE / ILIKE).
 */
public final class ExpressionParser {
  /** How deep parentheses and NOT may nest; deeper filters are refused, not parsed recursively. */
  static final int MAX_DEPTH = 256;

  private final List<Token> tokens;
  private int next;
  private int depth;

  public ExpressionParser(String sql) {
    this.tokens = new Lexer(java.util.Objects.requireNonNull(sql, "sql is null")).tokens();
  }

  public Expression parse() {
    Expression e = or();
    expect(peek().kind() == Token.Kind.END, "AND, OR or the end of the filter");
    return e;
  }

  private Expression or() {
    List<Expression> terms = new ArrayList<>(List.of(and()));
    while (peek().isKeyword("or")) {
      next++;
      terms.add(and());
    }
    return terms.size() == 1 ? terms.get(0) : new Or(terms);
  }

  private Expression and() {
    List<Expression> terms = new ArrayList<>(List.of(not()));
    while (peek().isKeyword("and")) {
      next++;
      terms.add(not());
    }
    return terms.size() == 1 ? terms.get(0) : new And(terms);
  }

  private Expression not() {
    if (peek().isKeyword("not")) {
      enter(tokens.get(next++));
      Expression e = new Not(not());
      depth--;
      return e;
    }
    return predicate();
  }

  private Expression predicate() {
    if (peek().kind() == Token.Kind.LPAREN) {
      enter(tokens.get(next++));
      Expression e = or();
      expect(peek().kind() == Token.Kind.RPAREN, "')'");
      next++;
      depth--;
      return e;
    }
    Token start = peek();
    Expression left = operand();
    Token t = peek();
    if (t.kind() == Token.Kind.OPERATOR && !t.text().equals("-") && !t.text().equals("+")) {
      next++;
      return new Comparison(compareOp(t.text()), left, operand());
    }
    if (t.isKeyword("is")) {
      next++;
      boolean negated = acceptKeyword("not");
      if (acceptKeyword("distinct")) {
        expect(peek().isKeyword("from"), "FROM");
        next++;
        return distinctFrom(column(left, start, "IS DISTINCT FROM"), literal(), negated);
      }
      expect(peek().isKeyword("null"), negated ? "NULL or DISTINCT" : "NOT, NULL or DISTINCT");
      next++;
      return new IsNull(column(left, start, "IS NULL"), negated);
    }
    boolean negated = false;
    if (t.isKeyword("not")) {
      next++;
      negated = true;
      expect(
          peek().isKeyword("between")
              || peek().isKeyword("in")
              || peek().isKeyword("like")
              || peek().isKeyword("ilike"),
          "BETWEEN, IN, LIKE or ILIKE");
    }
    if (peek().isKeyword("like") || peek().isKeyword("ilike")) {
      boolean caseInsensitive = peek().isKeyword("ilike");
      next++;
      Token at = peek();
      Expression pattern = operand();
      if (!(pattern instanceof Literal l) || !(l.value() instanceof String text)) {
        throw error(at, "a string pattern such as 'abc%'");
      }
      return new Like(column(left, start, "LIKE"), text, caseInsensitive, negated);
    }
    if (acceptKeyword("between")) {
      Literal low = literal();
      expect(peek().isKeyword("and"), "AND");
      next++;
      return new Between(column(left, start, "BETWEEN"), low, literal(), negated);
    }
    if (acceptKeyword("in")) {
      expect(peek().kind() == Token.Kind.LPAREN, "'('");
      next++;
      List<Literal> values = new ArrayList<>(List.of(literal()));
      while (peek().kind() == Token.Kind.COMMA) {
        next++;
        values.add(literal());
      }
      expect(peek().kind() == Token.Kind.RPAREN, "',' or ')'");
      next++;
      return new InList(column(left, start, "IN"), values, negated);
    }
    return left;
  }

  /**
   * {@code IS [NOT] DISTINCT FROM}: NULL-safe (in)equality, written with the predicates the filter
   * already has, so that it prunes like them: {@code x IS DISTINCT FROM v} is {@code x <> v OR x IS
   * NULL}, its negation {@code x = v AND x IS NOT NULL}; against NULL it is {@code IS [NOT] NULL}.
   */
  private static Expression distinctFrom(ColumnRef column, Literal value, boolean negated) {
    if (value.value() == null) {
      return new IsNull(column, !negated);
    }
    return negated
        ? new And(List.of(new Comparison(CompareOp.EQ, column, value), new IsNull(column, true)))
        : new Or(List.of(new Comparison(CompareOp.NE, column, value), new IsNull(column, false)));
  }

  private Literal literal() {
    Token t = peek();
    Expression e = operand();
    if (e instanceof Literal l) {
      return l;
    }
    throw error(t, "a literal");
  }

  private Expression operand() {
    Token t = peek();
    next++;
    switch (t.kind()) {
      case QUOTED_IDENT:
        return new ColumnRef((String) t.value());
      case NUMBER:
        return Literal.of(t.value());
      case STRING:
        return Literal.of(t.value());
      case OPERATOR:
        if ((t.text().equals("-") || t.text().equals("+")) && peek().kind() == Token.Kind.NUMBER) {
          Object v = tokens.get(next++).value();
          return Literal.of(t.text().equals("-") ? negate(v) : v);
        }
        break;
      case IDENT:
        String word = t.text().toLowerCase(Locale.ROOT);
        if (peek().kind() == Token.Kind.STRING && isTypeKeyword(word)) {
          Token text = tokens.get(next++);
          return typed(word, t, (String) text.value());
        }
        switch (word) {
          case "true":
            return Literal.of(true);
          case "false":
            return Literal.of(false);
          case "null":
            return Literal.of(null);
          default:
            if (!SqlText.RESERVED.contains(word)) {
              return new ColumnRef(t.text());
            }
        }
        break;
      default:
        break;
    }
    next--;
    throw error(t, "a column name or a literal");
  }

  private static boolean isTypeKeyword(String word) {
    return switch (word) {
      case "date", "time", "timestamp", "timestamptz", "interval", "uuid" -> true;
      default -> false;
    };
  }

  private Literal typed(String keyword, Token at, String text) {
    Object value =
        switch (keyword) {
          case "date" -> TemporalText.parseDate(text);
          case "time" -> {
            TemporalText.Zoned<LocalTime> t = TemporalText.parseTime(text);
            yield t == null || t.offsetSeconds() != null ? null : t.local();
          }
          case "timestamp" -> {
            TemporalText.Zoned<LocalDateTime> t = TemporalText.parseTimestamp(text);
            yield t == null ? null : t.local();
          }
          case "timestamptz" -> {
            TemporalText.Zoned<LocalDateTime> t = TemporalText.parseTimestamp(text);
            yield t == null ? null : LiteralConversion.utcLocal(t).toInstant(ZoneOffset.UTC);
          }
          case "interval" -> IntervalText.parse(text);
          default -> BinaryText.parseUuid(text);
        };
    if (value == null) {
      throw QuacklakeException.invalid(
          "Cannot parse filter at position %d: '%s' is not a valid %s literal; expected %s",
          at.position(),
          text,
          keyword.toUpperCase(Locale.ROOT),
          LiteralConversion.expectedForm(keyword));
    }
    TypeId id =
        value instanceof Interval ? TypeId.INTERVAL : value instanceof UUID ? TypeId.UUID : null;
    return id == null ? Literal.of(value) : new Literal(value, LakeType.of(id));
  }

  private static Object negate(Object v) {
    if (v instanceof Long l) {
      return -l;
    } else if (v instanceof BigInteger b) {
      BigInteger n = b.negate();
      return n.bitLength() < 64 ? (Object) n.longValue() : n;
    } else if (v instanceof BigDecimal d) {
      return d.negate();
    }
    return -(Double) v;
  }

  private static CompareOp compareOp(String symbol) {
    return switch (symbol) {
      case "=" -> CompareOp.EQ;
      case "<>", "!=" -> CompareOp.NE;
      case "<" -> CompareOp.LT;
      case "<=" -> CompareOp.LE;
      case ">" -> CompareOp.GT;
      default -> CompareOp.GE;
    };
  }

  private ColumnRef column(Expression left, Token at, String construct) {
    if (left instanceof ColumnRef c) {
      return c;
    }
    throw QuacklakeException.invalid(
        "Cannot parse filter at position %d: %s needs a column on its left, found %s",
        at.position(), construct, at.describe());
  }

  /**
   * Counts one more level of nesting opened at {@code at}; refuses more than {@link #MAX_DEPTH}.
   */
  private void enter(Token at) {
    if (++depth > MAX_DEPTH) {
      throw QuacklakeException.invalid(
          "Cannot parse filter at position %d: the filter nests parentheses and NOT more than %d"
              + " deep; write it with fewer nested parentheses",
          at.position(), MAX_DEPTH);
    }
  }

  private boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private void expect(boolean ok, String expected) {
    if (!ok) {
      throw error(peek(), expected);
    }
  }

  private static QuacklakeException error(Token t, String expected) {
    return QuacklakeException.invalid(
        "Cannot parse filter at position %d: unexpected %s; expected %s",
        t.position(), t.describe(), expected);
  }
}
