package io.quacklake.azure;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.NoSuchFileException;
import java.util.Set;

/**
 * Turns SDK failures (after the SDK's own retries) into one clear line: a missing blob is {@link
 * NoSuchFileException}; a missing container or refused credentials are {@code INVALID_ARGUMENT}
 * naming what to fix; an unreachable endpoint or throttling is {@code UNAVAILABLE}; other server
 * errors are {@link IOException}, which callers may retry. Messages never carry a key or token.
 */
final class AzureErrors {
  private static final Set<BlobErrorCode> DENIED =
      Set.of(
          BlobErrorCode.AUTHENTICATION_FAILED,
          BlobErrorCode.AUTHORIZATION_FAILURE,
          BlobErrorCode.INVALID_AUTHENTICATION_INFO,
          BlobErrorCode.NO_AUTHENTICATION_INFORMATION,
          BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH,
          BlobErrorCode.AUTHORIZATION_SOURCE_IPMISMATCH,
          BlobErrorCode.AUTHORIZATION_PROTOCOL_MISMATCH,
          BlobErrorCode.AUTHORIZATION_RESOURCE_TYPE_MISMATCH,
          BlobErrorCode.AUTHORIZATION_SERVICE_MISMATCH);

  private AzureErrors() {}

  static boolean isNotFound(RuntimeException e) {
    return e instanceof BlobStorageException b
        && b.getStatusCode() == 404
        && !BlobErrorCode.CONTAINER_NOT_FOUND.equals(b.getErrorCode());
  }

  /**
   * The failure to report for {@code what} on {@code location}: returned when callers may retry or
   * handle it, thrown as {@link QuacklakeException} when the fix is the user's.
   */
  static IOException map(RuntimeException e, String what, Object location, String endpoint) {
    if (e instanceof QuacklakeException q) {
      throw q;
    }
    if (e instanceof BlobStorageException b) {
      BlobErrorCode code = b.getErrorCode();
      String shown = code == null ? Integer.toString(b.getStatusCode()) : code.toString();
      if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
        throw QuacklakeException.invalid(
            "cannot %s %s: the container does not exist at %s; create it or fix the location",
            what, location, endpoint);
      }
      if (b.getStatusCode() == 404) {
        return new NoSuchFileException(location.toString());
      }
      if (b.getStatusCode() == 403 || DENIED.contains(code)) {
        throw QuacklakeException.invalid(
            "cannot %s %s: access denied (%s); check azure.account-key / AZURE_STORAGE_KEY,"
                + " azure.sas-token / AZURE_STORAGE_SAS_TOKEN or the connection string"
                + " (azure.connection-string / AZURE_STORAGE_CONNECTION_STRING)",
            what, location, shown);
      }
      if (b.getStatusCode() == 503
          || b.getStatusCode() == 429
          || BlobErrorCode.SERVER_BUSY.equals(code)) {
        throw new QuacklakeException(
            ErrorKind.UNAVAILABLE,
            "cannot "
                + what
                + " "
                + location
                + ": the store is throttling requests ("
                + shown
                + ") even after retries; slow down or retry later",
            e);
      }
      return new IOException("cannot " + what + " " + location + ": " + shown, e);
    }
    if (isUnreachable(e)) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot reach the Azure endpoint "
              + endpoint
              + " to "
              + what
              + " "
              + location
              + " ("
              + rootCause(e)
              + "); check azure.endpoint / AZURE_STORAGE_SERVICE_ENDPOINT and that the server"
              + " is running",
          e);
    }
    return new IOException("cannot " + what + " " + location + ": " + rootCause(e), e);
  }

  private static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  /** The cause in words (never a Java class name). */
  private static String rootCause(Throwable e) {
    String message = null;
    boolean refused = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "the host name does not resolve";
      }
      refused |= t instanceof ConnectException;
      message = t.getMessage() != null ? t.getMessage() : message;
    }
    if (refused) {
      return "connection refused";
    }
    return message != null ? message : "no details from the client";
  }
}
