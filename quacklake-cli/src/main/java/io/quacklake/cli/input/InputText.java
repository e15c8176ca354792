package io.quacklake.cli.input;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a CSV or JSON lines file: UTF-8 (a leading byte-order mark is skipped), read record
 * by record with each record's size bounded, so a hostile file cannot make one record fill the
 * memory. A CSV record ends at a line break outside double quotes, a JSON lines record at any line
 * break.
 */
final class InputText {
  private InputText() {}

  /**
   * Opens {@code file} as strict UTF-8 text.
   *
   * @param quoted whether double quotes protect line breaks (CSV)
   * @param maxRecordBytes the largest record allowed, in bytes
   * @throws QuacklakeException INVALID_ARGUMENT (when read) naming the file and the line where a
   *     record longer than {@code maxRecordBytes} starts
   */
  static Reader open(Path file, boolean quoted, long maxRecordBytes) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      InputStream bounded =
          new BoundedRecords(
              new BufferedInputStream(in, 1 << 16),
              file.getFileName().toString(),
              quoted,
              maxRecordBytes);
      return new InputStreamReader(bounded, StandardCharsets.UTF_8.newDecoder());
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The error for a file that is not UTF-8, naming the first line that does not decode.
   *
   * @param cause the decoding failure met while reading
   */
  static QuacklakeException notUtf8(Path file, CharacterCodingException cause) {
    long line = 1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
      ByteArrayOutputStream current = new ByteArrayOutputStream();
      for (int b = in.read(); ; b = in.read()) {
        if (b == '\n' || b < 0) {
          try {
            decoder.decode(ByteBuffer.wrap(current.toByteArray()));
          } catch (CharacterCodingException e) {
            break;
          }
          if (b < 0) {
            break;
          }
          current.reset();
          line++;
        } else {
          current.write(b);
        }
      }
    } catch (IOException e) {
      line = -1;
    }
    return new QuacklakeException(
        ErrorKind.INVALID_ARGUMENT,
        String.format(
            "%s%s: not valid UTF-8 text; save the file as UTF-8",
            file.getFileName(), line > 0 ? " line " + line : ""),
        cause);
  }

  /** Where a CSV reader is, as far as record boundaries go (RFC 4180, comma-separated). */
  private enum State {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED;

    /** The state after byte {@code b} (line breaks are handled by the caller). */
    State next(byte b) {
      return switch (this) {
        case FIELD_START -> b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
        case UNQUOTED -> b == ',' ? FIELD_START : UNQUOTED;
        case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
        case QUOTE_IN_QUOTED -> b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
      };
    }
  }

  /**
   * Passes bytes through, skipping a leading UTF-8 byte-order mark and failing as soon as one
   * record has more than the allowed bytes.
   */
  private static final class BoundedRecords extends FilterInputStream {
    private final String name;
    private final boolean quoted;
    private final long max;
    private boolean started;
    private State state = State.FIELD_START;
    private long recordBytes;
    private long line = 1;
    private long recordLine = 1;

    BoundedRecords(InputStream in, String name, boolean quoted, long max) {
      super(in);
      this.name = name;
      this.quoted = quoted;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!started) {
        started = true;
        skipByteOrderMark();
      }
      int n = super.read(b, off, len);
      for (int i = off; i < off + n; i++) {
        count(b[i]);
      }
      return n;
    }

    private void skipByteOrderMark() throws IOException {
      in.mark(3);
      byte[] head = in.readNBytes(3);
      if (head.length != 3
          || (head[0] & 0xff) != 0xEF
          || (head[1] & 0xff) != 0xBB
          || (head[2] & 0xff) != 0xBF) {
        in.reset();
      }
    }

    private void count(byte b) {
      if (b == '\n') {
        line++;
      }
      if (b == '\n' && state != State.QUOTED) {
        state = State.FIELD_START;
        recordBytes = 0;
        recordLine = line;
        return;
      }
      if (quoted) {
        state = state.next(b);
      }
      if (++recordBytes > max) {
        throw QuacklakeException.invalid(
            "%s line %d: the record starting on this line is longer than %d bytes%s; fix the"
                + " file or raise --max-record-size",
            name,
            recordLine,
            max,
            state == State.QUOTED && line > recordLine ? " (is a quote left open?)" : "");
      }
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = 0;
      while (skipped < n && read() >= 0) {
        skipped++;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
