package io.quacklake.storage;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that can jump to any position of its file. */
public abstract class SeekableStream extends InputStream {
  public abstract long getPos() throws IOException;

  public abstract void seek(long position) throws IOException;
}
