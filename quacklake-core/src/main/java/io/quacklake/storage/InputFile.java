package io.quacklake.storage;

import java.io.IOException;

/** A readable, immutable file: random access by position. Thread-safe. */
public interface InputFile {
  Location location();

  /** The length in bytes (known up front when the catalog recorded it: no extra request). */
  long length() throws IOException;

  /** Opens a stream positioned at 0; the caller closes it. */
  SeekableStream newStream() throws IOException;
}
