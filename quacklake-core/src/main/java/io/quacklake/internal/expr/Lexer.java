package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits filter text into {@link Token}s. */
final class Lexer {
  private final String sql;
  private int pos;

  Lexer(String sql) {
    this.sql = sql;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    while (true) {
      while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
        pos++;
      }
      if (pos >= sql.length()) {
        out.add(new Token(Token.Kind.END, "", null, pos + 1));
        return out;
      }
      out.add(next());
    }
  }

  private Token next() {
    int start = pos;
    char c = sql.charAt(pos);
    if (Character.isLetter(c) || c == '_') {
      while (pos < sql.length()
          && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
        pos++;
      }
      return token(Token.Kind.IDENT, start, null);
    }
    if (Character.isDigit(c)
        || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      String s = quoted(c, start);
      return new Token(
          c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_IDENT,
          sql.substring(start, pos),
          s,
          start + 1);
    }
    pos++;
    switch (c) {
      case '(':
        return token(Token.Kind.LPAREN, start, null);
      case ')':
        return token(Token.Kind.RPAREN, start, null);
      case ',':
        return token(Token.Kind.COMMA, start, null);
      case '=':
        return token(Token.Kind.OPERATOR, start, null);
      case '<':
        if (pos < sql.length() && (sql.charAt(pos) == '=' || sql.charAt(pos) == '>')) {
          pos++;
        }
        return token(Token.Kind.OPERATOR, start, null);
      case '>':
        if (pos < sql.length() && sql.charAt(pos) == '=') {
          pos++;
        }
        return token(Token.Kind.OPERATOR, start, null);
      case '!':
        if (pos < sql.length() && sql.charAt(pos) == '=') {
          pos++;
          return token(Token.Kind.OPERATOR, start, null);
        }
        break;
      case '-':
      case '+':
      case '*':
      case '/':
      case '%':
        return token(Token.Kind.OPERATOR, start, null);
      case '|':
        if (pos < sql.length() && sql.charAt(pos) == '|') {
          pos++;
          return token(Token.Kind.OPERATOR, start, null);
        }
        break;
      case ':':
        if (pos < sql.length() && sql.charAt(pos) == ':') {
          pos++;
          return token(Token.Kind.OPERATOR, start, null);
        }
        break;
      default:
        break;
    }
    throw QuacklakeException.invalid(
        "Cannot parse filter at position %d: unexpected character '%s'; expected a column name,"
            + " a literal, an operator or a parenthesis",
        start + 1, sql.substring(start, pos));
  }

  private Token number(int start) {
    while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
      pos++;
    }
    boolean fraction = false;
    boolean exponent = false;
    if (pos < sql.length() && sql.charAt(pos) == '.') {
      fraction = true;
      pos++;
      while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
        pos++;
      }
    }
    if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
        exponent = true;
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
          pos++;
        }
      } else {
        pos = mark;
      }
    }
    String text = sql.substring(start, pos);
    Object value;
    if (exponent) {
      value = Double.parseDouble(text);
    } else if (fraction) {
      value = new BigDecimal(text.endsWith(".") ? text + "0" : text);
    } else {
      BigInteger big = new BigInteger(text);
      value = big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    return token(Token.Kind.NUMBER, start, value);
  }

  private String quoted(char quote, int start) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= sql.length()) {
        throw QuacklakeException.invalid(
            "Cannot parse filter at position %d: unterminated %s starting there; expected a closing %s",
            start + 1, quote == '\'' ? "string literal" : "quoted identifier", quote);
      }
      char c = sql.charAt(pos++);
      if (c == quote) {
        if (pos < sql.length() && sql.charAt(pos) == quote) {
          sb.append(quote);
          pos++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
  }

  private Token token(Token.Kind kind, int start, Object value) {
    return new Token(kind, sql.substring(start, pos), value, start + 1);
  }
}
