package io.quacklake.parquet;

import io.quacklake.ErrorKind;
import io.quacklake.QuacklakeException;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.SeekableStream;
import java.io.IOException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.SeekableInputStream;

/** Presents a Quacklake {@link InputFile} to parquet-java without Hadoop. */
final class ParquetInputFile implements org.apache.parquet.io.InputFile {
  private final InputFile file;

  ParquetInputFile(InputFile file) {
    this.file = file;
  }

  /**
   * Opens a parquet-java reader on {@code file} without touching Hadoop: our own codecs, no Hadoop
   * configuration, and none of parquet-java's own filters.
   */
  static ParquetFileReader open(InputFile file) {
    return open(file, null);
  }

  /** As {@link #open(InputFile)}, reusing {@code footer} when it is not null. */
  static ParquetFileReader open(InputFile file, ParquetMetadata footer) {
    ParquetReadOptions options = StandaloneReadOptions.get();
    ParquetInputFile input = new ParquetInputFile(file);
    ParquetFileReader reader;
    try {
      if (footer != null) {
        return new ParquetFileReader(input, footer, options, input.newStream());
      }
      reader = new ParquetFileReader(input, options);
    } catch (IOException | RuntimeException e) {
      throw failure(file, "footer", e);
    }
    try {
      FooterBounds.check(file, reader.getFooter(), input.getLength());
      return reader;
    } catch (IOException | RuntimeException e) {
      try {
        reader.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw failure(file, "footer", e);
    }
  }

  /** Wraps a parquet-java failure while reading {@code what} of {@code file}. */
  static QuacklakeException failure(InputFile file, String what, Exception e) {
    if (e instanceof QuacklakeException q) {
      return q;
    }
    if (e instanceof IOException && fromStorage(e)) {
      return new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot read the " + what + " of " + file.location() + ": " + e.getMessage(),
          e);
    }
    return new QuacklakeException(
        ErrorKind.CORRUPT,
        "Parquet file "
            + file.location()
            + " is damaged or not a Parquet file ("
            + what
            + "): "
            + detail(e),
        e);
  }

  /** The exception's message; parquet-java's end-of-data exceptions carry none. */
  private static String detail(Exception e) {
    if (e.getMessage() != null) {
      return e.getMessage();
    }
    if (e instanceof java.io.EOFException) {
      return "a page or header runs past the end of its column chunk or of the file";
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Whether {@code e} came from storage rather than from parquet-java finding the bytes it read
   * inconsistent (a page running past its column chunk, fewer values than declared, a short file).
   */
  private static boolean fromStorage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StorageFailure) {
        return true;
      }
    }
    return false;
  }

  /** An I/O failure raised by the store while parquet-java read the file. */
  private static final class StorageFailure extends IOException {
    StorageFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  @Override
  public long getLength() throws IOException {
    try {
      return file.length();
    } catch (IOException e) {
      throw new StorageFailure(e);
    }
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableStream stream;
    try {
      stream = file.newStream();
    } catch (IOException e) {
      throw new StorageFailure(e);
    }
    return new DelegatingSeekableInputStream(new StorageStream(stream)) {
      @Override
      public long getPos() throws IOException {
        try {
          return stream.getPos();
        } catch (IOException e) {
          throw new StorageFailure(e);
        }
      }

      @Override
      public void seek(long newPos) throws IOException {
        try {
          stream.seek(newPos);
        } catch (IOException e) {
          throw new StorageFailure(e);
        }
      }
    };
  }

  @Override
  public String toString() {
    return file.location().toString();
  }

  /** Marks the store's I/O failures as such (see {@link #fromStorage}). */
  private static final class StorageStream extends java.io.FilterInputStream {
    StorageStream(SeekableStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new StorageFailure(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw new StorageFailure(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw new StorageFailure(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        in.close();
      } catch (IOException e) {
        throw new StorageFailure(e);
      }
    }
  }
}
