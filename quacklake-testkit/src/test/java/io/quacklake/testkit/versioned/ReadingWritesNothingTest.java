package io.quacklake.testkit.versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SupportsConditionalWrites;
import io.quacklake.testkit.ForwardingObjectStore;
import io.quacklake.types.ColumnDefinitions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading an object-store lake writes nothing: a mistyped location is NOT_FOUND and stays as it
 * was, reads leave every byte of a lake alone, and the conditional-write probe runs on the first
 * commit of the process instead.
 */
class ReadingWritesNothingTest {
  @TempDir Path temp;
  private final Queue<String> writes = new ConcurrentLinkedQueue<>();

  @AfterEach
  void undecorate() {
    ObjectStores.decorate(UnaryOperator.identity());
  }

  @Test
  void openingAMistypedLocationIsNotFoundAndCreatesNothing() throws Exception {
    Path existing = Files.createDirectories(temp.resolve("existing"));
    Files.writeString(existing.resolve("notes.txt"), "not a lake");
    Map<String, String> before = tree(temp);
    ObjectStores.decorate(store -> new RecordingStore(store, writes));

    for (Path dir : List.of(temp.resolve("missing/dir"), existing)) {
      String location = dir.toUri().toString();
      assertThatThrownBy(() -> Lake.open(location))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("no lake at " + location)
          .hasMessageContaining("create one with 'quacklake init'")
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    assertThat(writes).isEmpty();
    assertThat(tree(temp)).isEqualTo(before);
  }

  @Test
  void readingChangesNoByteAndTheFirstCommitProbes() throws Exception {
    String location = temp.resolve("lake").toUri().toString();
    try (Lake lake = Lake.create(location, null)) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT"));
      insert(lake, 0);
    }
    Map<String, String> before = tree(temp);
    ObjectStores.decorate(store -> new RecordingStore(store, writes));

    try (Lake lake = Lake.open(location)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(10);
      assertThat(lake.snapshots()).hasSize(3);
      assertThat(lake.catalogVersions().history()).hasSize(3);
    }
    assertThat(writes).isEmpty();
    assertThat(tree(temp)).isEqualTo(before);

    try (Lake lake = Lake.open(location)) {
      insert(lake, 10);
      assertThat(probeKeys()).hasSize(1);
      insert(lake, 20);
      assertThat(probeKeys()).as("the process proved the store once").hasSize(1);
      assertThat(lake.table("t").scan().count()).isEqualTo(30);
    }
  }

  private List<String> probeKeys() {
    return writes.stream()
        .filter(w -> !w.startsWith("delete ") && w.contains("/catalog/probe/"))
        .distinct()
        .toList();
  }

  private static void insert(Lake lake, long from) {
    try (Transaction tx = lake.begin()) {
      tx.insert(
          "t",
          Stream.iterate(from, i -> i + 1)
              .limit(10)
              .map(i -> Map.<String, Object>of("id", i))
              .toList());
      tx.commit();
    }
  }

  /** Every path under {@code dir} with the SHA-256 of its content. */
  private static Map<String, String> tree(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.toList()) {
        out.put(
            dir.relativize(p).toString(),
            Files.isDirectory(p)
                ? "dir"
                : HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  /** Records every write request: new files, conditional creates and deletes. */
  private static final class RecordingStore extends ForwardingObjectStore
      implements SupportsConditionalWrites {
    private final Queue<String> writes;

    RecordingStore(ObjectStore delegate, Queue<String> writes) {
      super(delegate);
      this.writes = writes;
    }

    @Override
    public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
      writes.add(location.value());
      return ((SupportsConditionalWrites) delegate).createIfAbsent(location, content);
    }

    @Override
    public OutputStream newOutputFile(Location location) throws IOException {
      writes.add(location.value());
      return delegate.newOutputFile(location);
    }

    @Override
    public void delete(Location location) throws IOException {
      writes.add("delete " + location.value());
      delegate.delete(location);
    }
  }
}
