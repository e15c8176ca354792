package io.quacklake.storage;

import java.io.OutputStream;

/**
 * An output stream from {@link ObjectStore#newOutputFile} that can be given up without publishing
 * anything. {@link #abort} ends the write: nothing becomes visible under the file's name, what the
 * stream holds (a temporary file and its handle, buffered bytes, uploaded parts) is released, a
 * later {@code close()} does nothing and a later {@code write} fails. Aborting twice, or after a
 * successful {@code close()}, does nothing (a published file stays).
 *
 * <p>A stream that is not {@code Abortable} can only be left unclosed, since closing it publishes
 * the partial file. Decorators that wrap a store's streams implement it and forward with {@link
 * #abort(OutputStream)}.
 */
public interface Abortable {
  /**
   * Gives the write up. Does not throw: it runs on failure paths, where the original error is the
   * one to report; cleanup that fails leaves an unreferenced object for orphan-file removal.
   */
  void abort();

  /** Aborts {@code out} if it is {@code Abortable}; returns whether it was. */
  static boolean abort(OutputStream out) {
    if (out instanceof Abortable a) {
      a.abort();
      return true;
    }
    return false;
  }
}
