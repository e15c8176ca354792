package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A scan's IO failures reach the caller as UNAVAILABLE, never as a checked or unchecked IO error.
 */
class ScanReaderTest {
  /** A reader whose source fails: its schema cannot be read, nor its source closed. */
  private static final class FailingReader extends ScanReader {
    FailingReader(RootAllocator allocator) {
      super(allocator);
    }

    @Override
    public ScanMetrics metrics() {
      return null;
    }

    @Override
    public boolean loadNextBatch() {
      getVectorSchemaRoot();
      return false;
    }

    @Override
    public long bytesRead() {
      return 0;
    }

    @Override
    protected void closeReadSource() throws IOException {
      throw new IOException("connection reset");
    }

    @Override
    protected Schema readSchema() throws IOException {
      throw new IOException("connection reset");
    }
  }

  @Test
  void readFailuresAreUnavailable() {
    try (RootAllocator allocator = new RootAllocator()) {
      FailingReader reader = new FailingReader(allocator);
      assertThatThrownBy(reader::getVectorSchemaRoot)
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("connection reset")
          .satisfies(e -> assertUnavailable(e));
      assertThatThrownBy(reader::getDictionaryVectors).satisfies(e -> assertUnavailable(e));
      assertThatThrownBy(reader::close)
          .hasMessageContaining("cannot close the scan")
          .satisfies(e -> assertUnavailable(e));
    }
  }

  @Test
  void rowIteratorPassesScanFailuresOnAsUnavailable() {
    try (RootAllocator allocator = new RootAllocator()) {
      RowIterator rows = new RowIterator(new FailingReader(allocator));
      assertThatThrownBy(rows::hasNext).satisfies(e -> assertUnavailable(e));
      assertThatThrownBy(rows::close).satisfies(e -> assertUnavailable(e));
    }
  }

  private static void assertUnavailable(Throwable e) {
    assertThat(e).isInstanceOf(QuacklakeException.class);
    assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(e.getCause()).isInstanceOf(IOException.class);
  }
}
