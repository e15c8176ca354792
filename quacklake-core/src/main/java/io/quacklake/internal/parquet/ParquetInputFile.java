package io.quacklake.internal.parquet;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.SeekableStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
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

  /**
   * Wraps a failure while reading {@code what} of {@code file}: NOT_FOUND when the file does not
   * exist, UNAVAILABLE when the store failed, CORRUPT when the bytes are not the Parquet the footer
   * promises (truncated, damaged, not Parquet).
   */
  static QuacklakeException failure(InputFile file, String what, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof QuacklakeException q) {
        return q;
      }
      if (missing(t)) {
        return QuacklakeException.notFound(
            "Parquet file %s does not exist; it was deleted, or the data path is wrong",
            file.location());
      }
      if (t.getMessage() != null && t.getMessage().contains("encrypted footer")) {
        return QuacklakeException.unsupported(
            "Parquet file %s is encrypted (Parquet modular encryption, as DuckDB writes the files of"
                + " lakes attached with ENCRYPTED), but the catalog holds no encryption_key for it"
                + " (a file registered without its key); register it with its key, or read it"
                + " with the tool that wrote it",
            file.location());
      }
      if (t instanceof StoreFailure store && !missing(store.getCause())) {
        return new QuacklakeException(
            ErrorKind.UNAVAILABLE,
            "cannot read the " + what + " of " + file.location() + ": " + store.getMessage(),
            e);
      }
    }
    return new QuacklakeException(
        ErrorKind.CORRUPT,
        "Parquet file "
            + file.location()
            + " is damaged or truncated: cannot read its "
            + what
            + detail(e)
            + "; restore the file or remove it from the lake",
        e);
  }

  /**
   * As {@link #failure}, for an I/O exception the store's own stream raised (UNAVAILABLE unless the
   * file does not exist).
   */
  static QuacklakeException storeFailure(InputFile file, String what, IOException e) {
    return failure(file, what, new StoreFailure(e));
  }

  private static boolean missing(Throwable t) {
    return t instanceof NoSuchFileException || t instanceof FileNotFoundException;
  }

  /** What parquet-java found wrong, when it says so without naming its own classes. */
  private static String detail(Exception e) {
    if (e instanceof EOFException || e.getCause() instanceof EOFException) {
      return " (a page or header runs past the end of its column chunk or of the file)";
    }
    String m = e.getMessage();
    if (m == null || m.contains("class ") || m.contains("org.apache") || m.contains("java.")) {
      return "";
    }
    return " (" + (m.length() > 200 ? m.substring(0, 200) + "..." : m) + ")";
  }

  /** An I/O failure of the store under a Parquet read (the file may be fine). */
  private static final class StoreFailure extends IOException {
    StoreFailure(IOException cause) {
      super(reason(cause), cause);
    }

    private static String reason(IOException e) {
      if (e instanceof FileSystemException f) {
        return f.getReason() != null ? f.getReason() : "cannot access the file";
      }
      return e.getMessage() != null ? e.getMessage() : "input/output error";
    }
  }

  @Override
  public long getLength() throws IOException {
    try {
      return file.length();
    } catch (IOException e) {
      throw new StoreFailure(e);
    }
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableStream stream;
    try {
      stream = file.newStream();
    } catch (IOException e) {
      throw new StoreFailure(e);
    }
    return new DelegatingSeekableInputStream(new StoreStream(stream)) {
      @Override
      public long getPos() throws IOException {
        try {
          return stream.getPos();
        } catch (IOException e) {
          throw new StoreFailure(e);
        }
      }

      @Override
      public void seek(long newPos) throws IOException {
        try {
          stream.seek(newPos);
        } catch (IOException e) {
          throw new StoreFailure(e);
        }
      }
    };
  }

  /** The store's stream, its failures marked as {@link StoreFailure}. */
  private static final class StoreStream extends FilterInputStream {
    StoreStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new StoreFailure(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw new StoreFailure(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw new StoreFailure(e);
      }
    }
  }

  @Override
  public String toString() {
    return file.location().toString();
  }
}
