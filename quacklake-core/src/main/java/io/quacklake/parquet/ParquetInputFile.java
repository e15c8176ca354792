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
    try {
      ParquetInputFile input = new ParquetInputFile(file);
      if (footer != null) {
        return new ParquetFileReader(input, footer, options, input.newStream());
      }
      return new ParquetFileReader(input, options);
    } catch (IOException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot read the Parquet footer of " + file.location() + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      throw failure(file, "footer", e);
    }
  }

  /** Wraps a parquet-java failure while reading {@code what} of {@code file}. */
  static QuacklakeException failure(InputFile file, String what, Exception e) {
    if (e instanceof QuacklakeException q) {
      return q;
    }
    if (e instanceof IOException) {
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
            + e.getMessage(),
        e);
  }

  @Override
  public long getLength() throws IOException {
    return file.length();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableStream stream = file.newStream();
    return new DelegatingSeekableInputStream(stream) {
      @Override
      public long getPos() throws IOException {
        return stream.getPos();
      }

      @Override
      public void seek(long newPos) throws IOException {
        stream.seek(newPos);
      }
    };
  }

  @Override
  public String toString() {
    return file.location().toString();
  }
}
