package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ColumnDefinitions;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data files given up half-written leave nothing on local disk: a store layer that fails a write
 * after some row groups were written (as a network file system or an instrumenting decorator may),
 * then a rollback of the transaction that had already appended a file, and the data directory is
 * empty — no data file and no hidden temporary file.
 */
class AbandonedWritesTest {
  @TempDir Path temp;

  @AfterEach
  void undecorate() {
    ObjectStores.decorate(UnaryOperator.identity());
  }

  private static List<Map<String, Object>> rows(long from, long to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(Map.of("id", i, "payload", "payload of row " + i * 7919));
    }
    return out;
  }

  @Test
  void failedAppendThenRollbackLeavesTheDataDirectoryEmpty() throws IOException {
    Path data = temp.resolve("data");
    ObjectStores.decorate(store -> new FailingAfter(store, 256 << 10));
    try (Lake lake = Lake.create("sqlite:" + temp.resolve("lake.sqlite"), data.toString())) {
      lake.setOption("parquet_row_group_size", "5000");
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT NOT NULL, payload VARCHAR"));
      long before = lake.currentSnapshot().id();
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(0, 1000));
        assertThat(filesUnder(data)).hasSize(1);
        assertThatThrownBy(() -> tx.insert("t", rows(1000, 200_000)))
            .hasMessageContaining("injected write failure");
        tx.rollback();
      }
      assertThat(filesUnder(data)).isEmpty();
      assertThat(lake.currentSnapshot().id()).isEqualTo(before);
    }
  }

  /** Every regular file below {@code root}, hidden ones included. */
  private static List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  /** A store whose output streams fail once a file has more than {@code limit} bytes. */
  private static final class FailingAfter extends ForwardingObjectStore {
    private final long limit;

    FailingAfter(ObjectStore delegate, long limit) {
      super(delegate);
      this.limit = limit;
    }

    @Override
    public OutputStream newOutputFile(Location location) throws IOException {
      return new FailingStream(delegate.newOutputFile(location), limit);
    }
  }

  /** Forwards {@link Abortable#abort}, as the decorator contract asks. */
  private static final class FailingStream extends FilterOutputStream implements Abortable {
    private final long limit;
    private long written;

    FailingStream(OutputStream out, long limit) {
      super(out);
      this.limit = limit;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > limit) {
        throw new IOException("injected write failure after " + written + " bytes");
      }
      written += len;
      out.write(b, off, len);
    }

    @Override
    public void abort() {
      Abortable.abort(out);
    }
  }
}
