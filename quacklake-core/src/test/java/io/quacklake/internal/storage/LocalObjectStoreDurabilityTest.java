package io.quacklake.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.storage.Abortable;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local writes are durable in the right order: the bytes are forced before the file gets its name,
 * and the directory holding the name is forced after; a directory a write creates is forced into
 * its parent. Recorded through the {@link LocalSync} seam, which does the real work as well.
 */
class LocalObjectStoreDurabilityTest {
  @TempDir Path temp;

  /** Records each step (paths relative to {@code temp}, the uuid of a temporary name left out). */
  private final class RecordingSync implements LocalSync {
    final List<String> steps = new ArrayList<>();
    boolean failForce;

    private String name(Path p) {
      String relative = temp.relativize(p.toAbsolutePath()).toString();
      return relative.replaceAll("\\.[0-9a-f-]{36}\\.tmp$", ".tmp");
    }

    @Override
    public void forceFile(FileChannel channel, Path file) throws IOException {
      steps.add("force " + name(file));
      if (failForce) {
        throw new IOException("injected: fsync failed");
      }
      NioLocalSync.INSTANCE.forceFile(channel, file);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
      steps.add("rename " + name(from) + " -> " + name(to));
      NioLocalSync.INSTANCE.rename(from, to);
    }

    @Override
    public void link(Path link, Path existing) throws IOException {
      steps.add("link " + name(link) + " -> " + name(existing));
      NioLocalSync.INSTANCE.link(link, existing);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
      steps.add("force dir " + name(dir));
      NioLocalSync.INSTANCE.forceDirectory(dir);
    }
  }

  private final RecordingSync sync = new RecordingSync();
  private final LocalObjectStore store = new LocalObjectStore(sync);

  private Location file(String relative) {
    return Location.of(temp.resolve(relative).toString());
  }

  private List<Path> filesUnder(String relative) throws IOException {
    try (Stream<Path> s = Files.walk(temp.resolve(relative))) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void closeForcesTheBytesThenRenamesThenForcesTheDirectory() throws IOException {
    try (OutputStream out = store.newOutputFile(file("a/b/f.parquet"))) {
      assertThat(sync.steps).containsExactly("force dir ", "force dir a");
      sync.steps.clear();
      out.write(new byte[] {1, 2, 3});
    }
    assertThat(sync.steps)
        .containsExactly(
            "force a/b/.f.parquet.tmp",
            "rename a/b/.f.parquet.tmp -> a/b/f.parquet",
            "force dir a/b");
    assertThat(Files.readAllBytes(temp.resolve("a/b/f.parquet"))).containsExactly(1, 2, 3);
    sync.steps.clear();
    store.newOutputFile(file("a/b/g.parquet")).close();
    assertThat(sync.steps)
        .as("an existing directory is not forced before the write")
        .containsExactly(
            "force a/b/.g.parquet.tmp",
            "rename a/b/.g.parquet.tmp -> a/b/g.parquet",
            "force dir a/b");
  }

  @Test
  void conditionalCreateForcesTheBytesThenLinksThenForcesTheDirectory() throws IOException {
    Files.createDirectories(temp.resolve("c"));
    assertThat(store.createIfAbsent(file("c/latest"), new byte[] {7}))
        .isEqualTo(CreateOutcome.CREATED);
    assertThat(sync.steps)
        .containsExactly("force c/.latest.tmp", "link c/latest -> c/.latest.tmp", "force dir c");
    sync.steps.clear();
    assertThat(store.createIfAbsent(file("c/latest"), new byte[] {8}))
        .isEqualTo(CreateOutcome.ALREADY_EXISTS);
    assertThat(sync.steps).containsExactly("force c/.latest.tmp", "link c/latest -> c/.latest.tmp");
    assertThat(filesUnder("c")).containsExactly(temp.resolve("c/latest"));
    assertThat(Files.readAllBytes(temp.resolve("c/latest"))).containsExactly(7);
  }

  @Test
  void abortedWriteIsNeitherForcedNorRenamed() throws IOException {
    Files.createDirectories(temp.resolve("d"));
    OutputStream out = store.newOutputFile(file("d/f.parquet"));
    out.write(new byte[10]);
    Abortable.abort(out);
    assertThat(sync.steps).isEmpty();
    assertThat(filesUnder("d")).isEmpty();
  }

  @Test
  void failedForceLeavesNoFileUnderTheName() throws IOException {
    Files.createDirectories(temp.resolve("e"));
    sync.failForce = true;
    OutputStream out = store.newOutputFile(file("e/f.parquet"));
    out.write(new byte[10]);
    assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessageContaining("injected");
    assertThat(sync.steps).containsExactly("force e/.f.parquet.tmp");
    assertThat(filesUnder("e")).isEmpty();
    assertThatThrownBy(() -> store.createIfAbsent(file("e/latest"), new byte[] {1}))
        .isInstanceOf(IOException.class);
    assertThat(filesUnder("e")).isEmpty();
  }
}
