package io.quacklake.storage;

import java.io.IOException;

/**
 * A store that can create an object only if it does not exist yet, atomically: of several racing
 * creates of one key exactly one succeeds (S3 {@code If-None-Match: *}; local disk: a hard link,
 * which fails if the name exists). The object-store catalog commits with it.
 */
public interface SupportsConditionalWrites {
  /**
   * Creates {@code location} with {@code content} unless it exists.
   *
   * <p>An ambiguous outcome (a timeout or reset after the request was sent) is resolved by reading
   * the object back and comparing it with {@code content} — callers put a unique writer id inside —
   * and, only if it is absent, by issuing the conditional create again (safe: it is conditional).
   * Never a blind overwrite.
   *
   * @throws IOException when the outcome cannot be established
   */
  CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException;
}
