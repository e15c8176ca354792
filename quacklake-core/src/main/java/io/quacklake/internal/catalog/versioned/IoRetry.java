package io.quacklake.internal.catalog.versioned;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Retries an idempotent store request (a read, an existence check, a listing, a content-addressed
 * upload) a few times with growing waits, so that one dropped request does not fail a commit. A
 * missing object is an answer, not a failure, and is never retried.
 */
final class IoRetry {
  private static final int ATTEMPTS = 4;

  private IoRetry() {}

  interface IoCall<T> {
    T call() throws IOException;
  }

  static <T> T call(IoCall<T> request) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return request.call();
      } catch (NoSuchFileException e) {
        throw e;
      } catch (IOException e) {
        last = e;
        try {
          Thread.sleep(20L << attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
    throw last;
  }
}
