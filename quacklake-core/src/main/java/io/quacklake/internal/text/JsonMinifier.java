package io.quacklake.internal.text;

import java.math.BigInteger;

/**
 * Rewrites one JSON document without insignificant whitespace, as DuckDB's JSON reader and writer
 * (yyjson) round-trip it: integers that fit 64 bits stay integers, other numbers become doubles.
 * Throws {@link IllegalArgumentException} on malformed input.
 */
final class JsonMinifier {
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private final String in;
  private final StringBuilder out;
  private int pos;

  JsonMinifier(String in, StringBuilder out) {
    this.in = in;
    this.out = out;
  }

  void document() {
    value();
    skipSpace();
    if (pos != in.length()) {
      throw new IllegalArgumentException("trailing text at " + pos);
    }
  }

  private void value() {
    skipSpace();
    if (pos >= in.length()) {
      throw new IllegalArgumentException("unexpected end");
    }
    char ch = in.charAt(pos);
    switch (ch) {
      case '{' -> container('}', true);
      case '[' -> container(']', false);
      case '"' -> JsonText.appendQuoted(out, string());
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void container(char close, boolean object) {
    out.append(in.charAt(pos++));
    skipSpace();
    if (peek() == close) {
      out.append(in.charAt(pos++));
      return;
    }
    while (true) {
      if (object) {
        skipSpace();
        if (peek() != '"') {
          throw new IllegalArgumentException("expected a key at " + pos);
        }
        JsonText.appendQuoted(out, string());
        skipSpace();
        expect(':');
        out.append(':');
      }
      value();
      skipSpace();
      char next = peek();
      pos++;
      if (next == close) {
        out.append(close);
        return;
      }
      if (next != ',') {
        throw new IllegalArgumentException("expected ',' at " + pos);
      }
      out.append(',');
    }
  }

  private String string() {
    StringBuilder s = new StringBuilder();
    pos++;
    while (true) {
      char ch = charAt(pos++);
      if (ch == '"') {
        return s.toString();
      }
      if (ch != '\\') {
        s.append(ch);
        continue;
      }
      char esc = charAt(pos++);
      switch (esc) {
        case 'n' -> s.append('\n');
        case 't' -> s.append('\t');
        case 'r' -> s.append('\r');
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'u' -> {
          s.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> s.append(esc);
      }
    }
  }

  private void number() {
    int start = pos;
    boolean integral = true;
    while (pos < in.length() && "+-0123456789.eE".indexOf(in.charAt(pos)) >= 0) {
      integral &= "eE.".indexOf(in.charAt(pos)) < 0;
      pos++;
    }
    String text = in.substring(start, pos);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("unexpected character at " + pos);
    }
    if (integral) {
      BigInteger value = new BigInteger(text);
      if (value.compareTo(INT64_MIN) >= 0 && value.compareTo(UINT64_MAX) <= 0) {
        out.append(value);
        return;
      }
    }
    FloatText.appendJson(out, Double.parseDouble(text));
  }

  private void literal(String word) {
    if (!in.startsWith(word, pos)) {
      throw new IllegalArgumentException("unexpected literal at " + pos);
    }
    pos += word.length();
    out.append(word);
  }

  private void expect(char ch) {
    if (charAt(pos++) != ch) {
      throw new IllegalArgumentException("expected '" + ch + "' at " + (pos - 1));
    }
  }

  private char peek() {
    return charAt(pos);
  }

  private char charAt(int i) {
    if (i >= in.length()) {
      throw new IllegalArgumentException("unexpected end");
    }
    return in.charAt(i);
  }

  private void skipSpace() {
    while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
      pos++;
    }
  }
}
