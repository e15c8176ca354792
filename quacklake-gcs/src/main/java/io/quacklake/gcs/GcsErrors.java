package io.quacklake.gcs;

import com.google.cloud.storage.StorageException;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Turns client failures (after the client's own retries) into one clear line: a missing object is
 * {@link NoSuchFileException}; a missing bucket or refused credentials are {@code INVALID_ARGUMENT}
 * naming what to fix; a failed precondition is {@code ALREADY_EXISTS}; an unreachable endpoint or
 * throttling is {@code UNAVAILABLE}; other failures are {@link IOException}, which callers may
 * retry.
 */
final class GcsErrors {
  private static final String CREDENTIALS_HINT =
      "check gcs.key-file / GOOGLE_APPLICATION_CREDENTIALS or the Application Default Credentials"
          + " ('gcloud auth application-default login')";

  private GcsErrors() {}

  /** The client's exception behind {@code e}, or null. */
  static StorageException storageCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StorageException s) {
        return s;
      }
    }
    return null;
  }

  static boolean isNotFound(StorageException e) {
    return e.getCode() == 404 && !isBucketMissing(e);
  }

  static boolean isBucketMissing(StorageException e) {
    return e.getCode() == 404
        && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("bucket does not exist");
  }

  /** Whether a create's outcome is unknown: the request may have landed, or not. */
  static boolean isAmbiguous(StorageException e) {
    int code = e.getCode();
    return code == 0 || code == 408 || code == 409 || code == 429 || code >= 500;
  }

  static IOException map(Throwable failure, String what, Object location, GcsSettings settings) {
    StorageException e = storageCause(failure);
    if (e == null) {
      return failure instanceof IOException io
          ? io
          : new IOException("cannot " + what + " " + location + ": " + rootCause(failure), failure);
    }
    String bucket = location instanceof GcsPath p ? p.bucket() : String.valueOf(location);
    int code = e.getCode();
    if (isBucketMissing(e)) {
      throw QuacklakeException.invalid(
          "cannot %s %s: the bucket does not exist at %s; create it or fix the location",
          what, location, settings.endpointName());
    }
    if (code == 404) {
      return new NoSuchFileException(location.toString());
    }
    if (code == 412) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS,
          "cannot " + what + " " + location + ": the object exists already (precondition failed)",
          e);
    }
    if (code == 401) {
      throw QuacklakeException.invalid(
          "cannot %s %s: the credentials were refused (401 %s); %s",
          what, location, reason(e), CREDENTIALS_HINT);
    }
    if (code == 403) {
      throw QuacklakeException.invalid(
          "cannot %s %s: access denied (403 %s); the account needs object read/write access to"
              + " bucket %s; %s",
          what, location, reason(e), bucket, CREDENTIALS_HINT);
    }
    if (code == 429 || code == 503) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot "
              + what
              + " "
              + location
              + ": the store is throttling requests ("
              + code
              + ") even after retries; slow down or retry later",
          e);
    }
    if (code == 0 && isUnreachable(e)) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot reach "
              + settings.endpointName()
              + " to "
              + what
              + " "
              + location
              + " ("
              + rootCause(e)
              + "); check gcs.endpoint / STORAGE_EMULATOR_HOST and the network",
          e);
    }
    return new IOException(
        "cannot "
            + what
            + " "
            + location
            + ": "
            + (code == 0 ? rootCause(e) : code + " " + reason(e)),
        e);
  }

  private static String reason(StorageException e) {
    return e.getReason() != null ? e.getReason() : String.valueOf(e.getMessage());
  }

  private static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause in words (never a Java class name). */
  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof UnknownHostException) {
      return "unknown host " + t.getMessage();
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    return t.getMessage() != null ? t.getMessage() : "no details from the client";
  }
}
