package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.internal.storage.ConditionalWriteProbe;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} must do, run unchanged against each implementation (local disk,
 * S3): write and read back, ranged reads, large (multipart) writes, aborted writes, listing by
 * prefix, deletes, conditional creates and racing conditional creates.
 */
public abstract class ObjectStoreContract {
  private ObjectStore store;
  private Location root;

  /** A new store for one test. */
  protected abstract ObjectStore newStore();

  /** A fresh, empty directory location for one test. */
  protected abstract Location newRoot();

  @BeforeEach
  void open() {
    store = newStore();
    root = newRoot();
  }

  @AfterEach
  void close() {
    if (store != null) { // null when newStore() skipped the test
      store.close();
    }
  }

  private byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private void write(Location l, byte[] content) throws IOException {
    try (OutputStream out = store.newOutputFile(l)) {
      out.write(content);
    }
  }

  private byte[] read(Location l) throws IOException {
    try (SeekableStream in = store.newInputFile(l, -1).newStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void writtenFilesReadBackWholeAndByRange() throws IOException {
    byte[] content = random(100_000, 1);
    Location f = root.resolve("a/file.bin");
    write(f, content);
    assertThat(store.exists(f)).isTrue();
    assertThat(store.newInputFile(f, -1).length()).isEqualTo(content.length);
    assertThat(read(f)).isEqualTo(content);
    try (SeekableStream in = store.newInputFile(f, content.length).newStream()) {
      in.seek(99_990);
      assertThat(in.readNBytes(10))
          .isEqualTo(java.util.Arrays.copyOfRange(content, 99_990, 100_000));
      in.seek(5);
      assertThat(in.getPos()).isEqualTo(5);
      assertThat(in.readNBytes(3)).isEqualTo(java.util.Arrays.copyOfRange(content, 5, 8));
      in.seek(100_000);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void largeFilesStreamOutAndReadBack() throws IOException {
    byte[] content = random(9 * 1024 * 1024 + 123, 2);
    Location f = root.resolve("big.bin");
    try (OutputStream out = store.newOutputFile(f)) {
      for (int off = 0; off < content.length; off += 100_000) {
        out.write(content, off, Math.min(100_000, content.length - off));
      }
    }
    assertThat(read(f)).isEqualTo(content);
  }

  @Test
  void abortedWriteLeavesNothingAndTheNameStaysFree() throws IOException {
    Location f = root.resolve("a/aborted.bin");
    OutputStream out = store.newOutputFile(f);
    byte[] content = random(9 * 1024 * 1024 + 123, 3);
    for (int off = 0; off < content.length; off += 100_000) {
      out.write(content, off, Math.min(100_000, content.length - off));
    }
    assertThat(out).isInstanceOf(Abortable.class);
    ((Abortable) out).abort();
    ((Abortable) out).abort();
    out.close();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    assertThat(store.exists(f)).isFalse();
    assertThat(store.list(root)).isEmpty();
    write(f, new byte[] {7});
    assertThat(read(f)).containsExactly(7);
  }

  @Test
  void abortAfterCloseKeepsTheFile() throws IOException {
    Location f = root.resolve("kept.bin");
    OutputStream out = store.newOutputFile(f);
    out.write(new byte[] {1, 2, 3});
    out.close();
    assertThat(Abortable.abort(out)).isTrue();
    assertThat(read(f)).containsExactly(1, 2, 3);
  }

  @Test
  void listingFindsEverythingUnderAPrefixSorted() throws IOException {
    write(root.resolve("p/b.bin"), new byte[3]);
    write(root.resolve("p/a.bin"), new byte[2]);
    write(root.resolve("p/sub/c.bin"), new byte[1]);
    write(root.resolve("q/d.bin"), new byte[1]);
    List<FileEntry> listed = store.list(root.resolve("p/"));
    assertThat(listed)
        .extracting(e -> e.location().value())
        .containsExactly(
            root.resolve("p/a.bin").value(),
            root.resolve("p/b.bin").value(),
            root.resolve("p/sub/c.bin").value());
    assertThat(listed).extracting(FileEntry::size).containsExactly(2L, 3L, 1L);
    assertThat(store.list(root.resolve("nothing/"))).isEmpty();
  }

  @Test
  void deletesAreIdempotentAndMissingFilesAreNoSuchFile() throws IOException {
    Location f = root.resolve("gone.bin");
    write(f, new byte[] {1});
    store.delete(f);
    assertThat(store.exists(f)).isFalse();
    store.delete(f);
    assertThatThrownBy(() -> read(f)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void conditionalCreateWritesOnlyTheFirst() throws IOException {
    SupportsConditionalWrites c = (SupportsConditionalWrites) store;
    Location f = root.resolve("manifest");
    assertThat(c.createIfAbsent(f, bytes("first"))).isEqualTo(CreateOutcome.CREATED);
    assertThat(c.createIfAbsent(f, bytes("second"))).isEqualTo(CreateOutcome.ALREADY_EXISTS);
    assertThat(read(f)).isEqualTo(bytes("first"));
  }

  @Test
  void racingConditionalCreatesHaveExactlyOneWinner() throws Exception {
    SupportsConditionalWrites c = (SupportsConditionalWrites) store;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 5; round++) {
        Location f = root.resolve("race-" + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CreateOutcome>> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          byte[] content = bytes("racer " + i);
          racers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return c.createIfAbsent(f, content);
                  }));
        }
        start.countDown();
        int winner = -1;
        int wins = 0;
        for (int i = 0; i < 16; i++) {
          if (racers.get(i).get() == CreateOutcome.CREATED) {
            wins++;
            winner = i;
          }
        }
        assertThat(wins).as("round %d", round).isEqualTo(1);
        assertThat(read(f)).isEqualTo(bytes("racer " + winner));
      }
    } finally {
      pool.shutdownNow();
    }
    ConditionalWriteProbe.verify(store, root.resolve("probe/"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
