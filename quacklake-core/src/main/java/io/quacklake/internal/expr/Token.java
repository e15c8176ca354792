package io.quacklake.internal.expr;

/** A lexical token of filter text; {@code position} is the 1-based character offset. */
record Token(Kind kind, String text, Object value, int position) {
  enum Kind {
    IDENT,
    QUOTED_IDENT,
    NUMBER,
    STRING,
    OPERATOR,
    LPAREN,
    RPAREN,
    COMMA,
    END
  }

  boolean isKeyword(String keyword) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
  }

  /** How an error message shows this token. */
  String describe() {
    return kind == Kind.END ? "end of input" : "'" + text + "'";
  }
}
