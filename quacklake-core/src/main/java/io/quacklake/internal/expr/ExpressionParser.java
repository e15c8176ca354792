package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.And;
import io.quacklake.expr.Arithmetic;
import io.quacklake.expr.ArithmeticOp;
import io.quacklake.expr.Between;
import io.quacklake.expr.Call;
import io.quacklake.expr.Case;
import io.quacklake.expr.Cast;
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
 * first: OR, AND, NOT, predicates (comparison, IS [NOT] NULL, IS [NOT] DISTINCT FROM, [NOT]
 * BETWEEN, [NOT] IN, [NOT] LIKE / ILIKE), {@code + - ||}, {@code * / %}, a sign, {@code ::type},
 * then values (literals, columns, function calls, CASE, CAST, parentheses).
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
    Expression left = concat();
    Token t = peek();
    if (t.kind() == Token.Kind.OPERATOR && isComparison(t.text())) {
      next++;
      return new Comparison(compareOp(t.text()), left, concat());
    }
    if (t.isKeyword("is")) {
      next++;
      boolean negated = acceptKeyword("not");
      if (acceptKeyword("distinct")) {
        expect(peek().isKeyword("from"), "FROM");
        next++;
        return distinctFrom(left, concat(), negated);
      }
      expect(peek().isKeyword("null"), negated ? "NULL or DISTINCT" : "NOT, NULL or DISTINCT");
      next++;
      return new IsNull(left, negated);
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
      Expression pattern = concat();
      if (!(pattern instanceof Literal l) || !(l.value() instanceof String text)) {
        throw error(at, "a string pattern such as 'abc%'");
      }
      return new Like(left, text, caseInsensitive, negated);
    }
    if (acceptKeyword("between")) {
      Expression low = concat();
      expect(peek().isKeyword("and"), "AND");
      next++;
      Expression high = concat();
      if (left instanceof ColumnRef c && low instanceof Literal lo && high instanceof Literal hi) {
        return new Between(c, lo, hi, negated);
      }
      Expression within =
          new And(
              List.of(
                  new Comparison(CompareOp.GE, left, low),
                  new Comparison(CompareOp.LE, left, high)));
      return negated ? new Not(within) : within;
    }
    if (acceptKeyword("in")) {
      expect(peek().kind() == Token.Kind.LPAREN, "'('");
      next++;
      List<Expression> values = new ArrayList<>(List.of(concat()));
      while (peek().kind() == Token.Kind.COMMA) {
        next++;
        values.add(concat());
      }
      expect(peek().kind() == Token.Kind.RPAREN, "',' or ')'");
      next++;
      return in(left, values, negated);
    }
    return left;
  }

  /**
   * {@code IN}: a column against literals stays an {@link InList} (it prunes by statistics); any
   * other operand or value becomes the equalities SQL defines it as.
   */
  private static Expression in(Expression left, List<Expression> values, boolean negated) {
    if (left instanceof ColumnRef c && values.stream().allMatch(v -> v instanceof Literal)) {
      return new InList(c, values.stream().map(v -> (Literal) v).toList(), negated);
    }
    List<Expression> equalities = new ArrayList<>();
    for (Expression v : values) {
      equalities.add(new Comparison(CompareOp.EQ, left, v));
    }
    Expression any = equalities.size() == 1 ? equalities.get(0) : new Or(equalities);
    return negated ? new Not(any) : any;
  }

  private static boolean isComparison(String op) {
    return switch (op) {
      case "=", "<>", "!=", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }

  /**
   * {@code IS [NOT] DISTINCT FROM}: NULL-safe (in)equality. A column against a literal is written
   * with the predicates the filter already has, so that it prunes like them: {@code x IS DISTINCT
   * FROM v} is {@code x <> v OR x IS NULL}, its negation {@code x = v AND x IS NOT NULL}; against
   * NULL it is {@code IS [NOT] NULL}. Other operands become {@code coalesce(a = b, FALSE) OR (a IS
   * NULL AND b IS NULL)} (never NULL), or its negation.
   */
  private static Expression distinctFrom(Expression left, Expression right, boolean negated) {
    if (left instanceof Literal && right instanceof ColumnRef) {
      return distinctFrom(right, left, negated);
    }
    if (left instanceof ColumnRef column && right instanceof Literal value) {
      if (value.value() == null) {
        return new IsNull(column, !negated);
      }
      return negated
          ? new And(List.of(new Comparison(CompareOp.EQ, column, value), new IsNull(column, true)))
          : new Or(List.of(new Comparison(CompareOp.NE, column, value), new IsNull(column, false)));
    }
    Expression same =
        new Or(
            List.of(
                new Call(
                    "coalesce",
                    List.of(new Comparison(CompareOp.EQ, left, right), Literal.of(false))),
                new And(List.of(new IsNull(left, false), new IsNull(right, false)))));
    return negated ? same : new Not(same);
  }

  /** {@code a || b}: left-associative, looser than {@code +} and {@code -} (as in DuckDB). */
  private Expression concat() {
    Expression e = additive();
    int chained = 0;
    while (peek().kind() == Token.Kind.OPERATOR && peek().text().equals("||")) {
      enter(tokens.get(next++));
      chained++;
      e = new Arithmetic(ArithmeticOp.CONCAT, e, additive());
    }
    depth -= chained;
    return e;
  }

  /** {@code a + b}, {@code a - b}: left-associative. */
  private Expression additive() {
    Expression e = multiplicative();
    int chained = 0;
    while (peek().kind() == Token.Kind.OPERATOR
        && (peek().text().equals("+") || peek().text().equals("-"))) {
      Token t = tokens.get(next++);
      enter(t);
      chained++;
      ArithmeticOp op = t.text().equals("+") ? ArithmeticOp.ADD : ArithmeticOp.SUBTRACT;
      e = new Arithmetic(op, e, multiplicative());
    }
    depth -= chained;
    return e;
  }

  /** {@code a * b}, {@code a / b}, {@code a % b}: left-associative. */
  private Expression multiplicative() {
    Expression e = unary();
    int chained = 0;
    while (true) {
      Token t = peek();
      ArithmeticOp op =
          t.kind() != Token.Kind.OPERATOR
              ? null
              : switch (t.text()) {
                case "*" -> ArithmeticOp.MULTIPLY;
                case "/" -> ArithmeticOp.DIVIDE;
                case "%" -> ArithmeticOp.MODULO;
                default -> null;
              };
      if (op == null) {
        depth -= chained;
        return e;
      }
      enter(tokens.get(next++));
      chained++;
      e = new Arithmetic(op, e, unary());
    }
  }

  /** A sign before a value: folded into a number, else {@code -(value)} (DuckDB's negation). */
  private Expression unary() {
    Token t = peek();
    if (t.kind() == Token.Kind.OPERATOR && (t.text().equals("-") || t.text().equals("+"))) {
      enter(tokens.get(next++));
      Expression e;
      if (peek().kind() == Token.Kind.NUMBER
          && !(tokens.get(next + 1).kind() == Token.Kind.OPERATOR
              && tokens.get(next + 1).text().equals("::"))) {
        Object v = tokens.get(next++).value();
        e = Literal.of(t.text().equals("-") ? negate(v) : v);
        e = postfix(e);
      } else {
        Expression operand = unary();
        e = t.text().equals("-") ? new Call("-", List.of(operand)) : operand;
      }
      depth--;
      return e;
    }
    return postfix(primary());
  }

  /** {@code value::type}, any number of times. */
  private Expression postfix(Expression e) {
    while (peek().kind() == Token.Kind.OPERATOR && peek().text().equals("::")) {
      next++;
      e = new Cast(e, castType(), false);
    }
    return e;
  }

  private Expression primary() {
    Token t = peek();
    if (t.kind() == Token.Kind.LPAREN) {
      enter(tokens.get(next++));
      Expression e = or();
      expect(peek().kind() == Token.Kind.RPAREN, "')'");
      next++;
      depth--;
      return e;
    }
    if (t.kind() == Token.Kind.QUOTED_IDENT && tokens.get(next + 1).kind() == Token.Kind.LPAREN) {
      // DuckDB prints a function's name quoted where it is also a keyword: "year"(d)
      next += 2;
      return call(t, ((String) t.value()).toLowerCase(Locale.ROOT));
    }
    if (t.kind() == Token.Kind.IDENT) {
      String word = t.text().toLowerCase(Locale.ROOT);
      switch (word) {
        case "case" -> {
          next++;
          return caseExpression(t);
        }
        case "cast", "try_cast" -> {
          if (tokens.get(next + 1).kind() == Token.Kind.LPAREN) {
            next += 2;
            enter(t);
            Expression operand = or();
            expect(peek().isKeyword("as"), "AS");
            next++;
            LakeType type = castType();
            expect(peek().kind() == Token.Kind.RPAREN, "')'");
            next++;
            depth--;
            return new Cast(operand, type, word.equals("try_cast"));
          }
        }
        case "current_date", "current_timestamp" -> {
          if (tokens.get(next + 1).kind() != Token.Kind.LPAREN) {
            next++;
            return new Call(word, List.of());
          }
        }
        case "interval" -> {
          Token after = tokens.get(next + 1);
          if ((after.kind() == Token.Kind.NUMBER || after.kind() == Token.Kind.STRING)
              && tokens.get(next + 2).kind() == Token.Kind.IDENT
              && IntervalText.isUnit(tokens.get(next + 2).text())) {
            next += 3;
            return intervalLiteral(after, tokens.get(next - 1));
          }
        }
        default -> {}
      }
      if (!SqlText.RESERVED.contains(word)
          && !isTypeKeyword(word)
          && tokens.get(next + 1).kind() == Token.Kind.LPAREN) {
        next += 2;
        return call(t, word);
      }
    }
    return operand();
  }

  private Expression call(Token name, String function) {
    enter(name);
    List<Expression> arguments = new ArrayList<>();
    if (peek().kind() != Token.Kind.RPAREN) {
      arguments.add(or());
      while (peek().kind() == Token.Kind.COMMA) {
        next++;
        arguments.add(or());
      }
    }
    expect(peek().kind() == Token.Kind.RPAREN, "',' or ')'");
    next++;
    depth--;
    return new Call(function, arguments);
  }

  /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}, after the CASE keyword. */
  private Expression caseExpression(Token at) {
    enter(at);
    Expression subject = peek().isKeyword("when") ? null : or();
    List<Case.When> branches = new ArrayList<>();
    expect(peek().isKeyword("when"), "WHEN");
    while (acceptKeyword("when")) {
      Expression condition = or();
      expect(peek().isKeyword("then"), "THEN");
      next++;
      Expression result = or();
      branches.add(
          new Case.When(
              subject == null ? condition : new Comparison(CompareOp.EQ, subject, condition),
              result));
    }
    Expression otherwise = null;
    if (acceptKeyword("else")) {
      otherwise = or();
    }
    expect(peek().isKeyword("end"), branches.isEmpty() ? "WHEN" : "WHEN, ELSE or END");
    next++;
    depth--;
    return new Case(branches, otherwise);
  }

  /** {@code INTERVAL 3 DAY}, {@code INTERVAL '3' HOURS}. */
  private static Literal intervalLiteral(Token amount, Token unit) {
    Interval i =
        IntervalText.parse(
            (amount.kind() == Token.Kind.STRING ? (String) amount.value() : amount.text())
                + " "
                + unit.text());
    if (i == null) {
      throw QuacklakeException.invalid(
          "Cannot parse filter at position %d: INTERVAL %s %s is not a valid interval; write e.g."
              + " INTERVAL 3 DAY or INTERVAL '1 hour 30 minutes'",
          amount.position(), amount.text(), unit.text());
    }
    return new Literal(i, LakeType.of(TypeId.INTERVAL));
  }

  /**
   * A type name after {@code AS} or {@code ::}: one or more words ({@code DOUBLE}, {@code TIMESTAMP
   * WITH TIME ZONE}) and an optional {@code (precision, scale)}, as {@code --schema} takes them.
   */
  private LakeType castType() {
    Token first = peek();
    expect(first.kind() == Token.Kind.IDENT, "a type name such as BIGINT, VARCHAR or DATE");
    StringBuilder text = new StringBuilder(tokens.get(next++).text());
    while (peek().kind() == Token.Kind.IDENT && isTypeWord(peek().text())) {
      text.append(' ').append(tokens.get(next++).text());
    }
    if (peek().kind() == Token.Kind.LPAREN) {
      text.append('(');
      next++;
      while (peek().kind() == Token.Kind.NUMBER || peek().kind() == Token.Kind.COMMA) {
        text.append(tokens.get(next++).text());
      }
      expect(peek().kind() == Token.Kind.RPAREN, "')'");
      next++;
      text.append(')');
    }
    io.quacklake.types.LakeColumn c =
        io.quacklake.internal.types.SqlTypeParser.type("cast", text.toString());
    if (!c.children().isEmpty()) {
      throw QuacklakeException.invalid(
          "Cannot parse filter at position %d: casts to %s are not supported; cast to a type"
              + " without fields or elements",
          first.position(), text);
    }
    return c.type();
  }

  private static boolean isTypeWord(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "with", "without", "time", "zone", "precision", "varying" -> true;
      default -> false;
    };
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
    throw error(t, "a column name, a literal, a function call or '('");
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
