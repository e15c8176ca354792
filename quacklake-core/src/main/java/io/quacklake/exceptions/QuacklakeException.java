package io.quacklake.exceptions;

import java.util.Objects;

/**
 * The one exception Quacklake throws. Its {@link #kind()} says what the caller should do; its
 * message names the object, the cause and the fix.
 */
public class QuacklakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  public QuacklakeException(ErrorKind kind, String message) {
    this(kind, message, null);
  }

  public QuacklakeException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind is null");
  }

  public ErrorKind kind() {
    return kind;
  }

  public static QuacklakeException invalid(String format, Object... args) {
    return new QuacklakeException(ErrorKind.INVALID_ARGUMENT, String.format(format, args));
  }

  public static QuacklakeException notFound(String format, Object... args) {
    return new QuacklakeException(ErrorKind.NOT_FOUND, String.format(format, args));
  }

  public static QuacklakeException unsupported(String format, Object... args) {
    return new QuacklakeException(ErrorKind.UNSUPPORTED, String.format(format, args));
  }

  public static QuacklakeException corrupt(String format, Object... args) {
    return new QuacklakeException(ErrorKind.CORRUPT, String.format(format, args));
  }

  public static QuacklakeException internal(String message, Throwable cause) {
    return new QuacklakeException(ErrorKind.INTERNAL, message, cause);
  }
}
