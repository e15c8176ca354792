package io.quacklake.flight.service;

import io.quacklake.exceptions.QuacklakeException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Quacklake errors as Flight errors: the status follows the error kind, and the message starts with
 * the kind ({@code CONFLICT: ...}) so that clients can tell a conflict (retry) from a bad request.
 */
public final class Errors {
  private Errors() {}

  /** The Flight error for {@code t}; Flight errors pass through. */
  public static FlightRuntimeException toFlight(Throwable t) {
    if (t instanceof FlightRuntimeException f) {
      return f;
    }
    if (t instanceof org.apache.arrow.memory.OutOfMemoryException) {
      return CallStatus.RESOURCE_EXHAUSTED
          .withDescription(
              "RESOURCE_EXHAUSTED: this call needs more memory than one call may use on this server;"
                  + " send the data in smaller uploads (merges gather their whole upload)")
          .withCause(t)
          .toRuntimeException();
    }
    if (t instanceof QuacklakeException q) {
      CallStatus status =
          switch (q.kind()) {
            case INVALID_ARGUMENT -> CallStatus.INVALID_ARGUMENT;
            case NOT_FOUND -> CallStatus.NOT_FOUND;
            case ALREADY_EXISTS -> CallStatus.ALREADY_EXISTS;
            case UNSUPPORTED -> CallStatus.UNIMPLEMENTED;
            case CONFLICT, UNAVAILABLE, COMMIT_STATE_UNKNOWN -> CallStatus.UNAVAILABLE;
            default -> CallStatus.INTERNAL;
          };
      return status
          .withDescription(q.kind() + ": " + q.getMessage())
          .withCause(q)
          .toRuntimeException();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    return CallStatus.INTERNAL
        .withDescription("INTERNAL: " + message)
        .withCause(t)
        .toRuntimeException();
  }
}
