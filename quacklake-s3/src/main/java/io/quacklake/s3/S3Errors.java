package io.quacklake.s3;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK failures (after the SDK's own retries) into one clear line: a missing object is {@link
 * NoSuchFileException}; a missing bucket or refused credentials are {@code INVALID_ARGUMENT} naming
 * what to fix; an unreachable endpoint or throttling is {@code UNAVAILABLE}; other server errors
 * are {@link IOException}, which callers may retry.
 */
final class S3Errors {
  private S3Errors() {}

  static boolean isNotFound(SdkException e) {
    return e instanceof S3Exception s && s.statusCode() == 404 && !"NoSuchBucket".equals(code(s));
  }

  static IOException map(SdkException e, String what, Object location, S3Settings settings) {
    if (e instanceof S3Exception s) {
      String code = code(s);
      if ("NoSuchBucket".equals(code)) {
        throw QuacklakeException.invalid(
            "cannot %s %s: the bucket does not exist at %s; create it or fix the location",
            what, location, endpoint(settings));
      }
      if (s.statusCode() == 404) {
        return new NoSuchFileException(location.toString());
      }
      if ("InvalidAccessKeyId".equals(code)
          || "SignatureDoesNotMatch".equals(code)
          || "AccessDenied".equals(code)
          || s.statusCode() == 403) {
        throw QuacklakeException.invalid(
            "cannot %s %s: access denied (%s); check s3.access-key-id / AWS_ACCESS_KEY_ID and"
                + " s3.secret-access-key / AWS_SECRET_ACCESS_KEY",
            what, location, code == null ? s.statusCode() : code);
      }
      if (s.statusCode() == 503 || s.statusCode() == 429 || "SlowDown".equals(code)) {
        throw new QuacklakeException(
            ErrorKind.UNAVAILABLE,
            "cannot "
                + what
                + " "
                + location
                + ": the store is throttling requests ("
                + (code == null ? s.statusCode() : code)
                + ") even after retries; slow down or retry later",
            e);
      }
      return new IOException(
          "cannot " + what + " " + location + ": " + (code == null ? s.statusCode() : code), e);
    }
    if (e instanceof SdkClientException && isUnreachable(e)) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot reach the S3 endpoint "
              + endpoint(settings)
              + " to "
              + what
              + " "
              + location
              + " ("
              + rootCause(e)
              + "); check s3.endpoint / AWS_ENDPOINT_URL and that the server is running",
          e);
    }
    return new IOException("cannot " + what + " " + location + ": " + rootCause(e), e);
  }

  private static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
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
    if (t instanceof java.net.UnknownHostException) {
      return "unknown host " + t.getMessage();
    }
    if (t instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return t.getMessage() != null ? t.getMessage() : "no details from the client";
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static String endpoint(S3Settings settings) {
    return settings.endpoint() == null
        ? "AWS S3 (" + settings.region() + ")"
        : settings.endpoint().toString();
  }
}
