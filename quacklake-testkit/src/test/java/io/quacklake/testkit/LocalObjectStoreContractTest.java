package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on local disk. */
class LocalObjectStoreContractTest extends ObjectStoreContract {
  @TempDir Path temp;

  @Override
  protected ObjectStore newStore() {
    return new LocalObjectStore();
  }

  @Override
  protected Location newRoot() {
    return Location.directory(temp.resolve("root").toUri().toString());
  }

  @Test
  void abortRemovesTheHiddenTemporaryFileAndClosesIt() throws IOException {
    Path dir = temp.resolve("abort");
    OutputStream out = new LocalObjectStore().newOutputFile(Location.of(dir + "/f.bin"));
    out.write(new byte[64 * 1024]);
    List<Path> written = filesUnder(dir);
    assertThat(written).singleElement().asString().contains("/.f.bin.").endsWith(".tmp");
    assertThat(openDescriptorsOf(written.get(0))).isOne();
    ((Abortable) out).abort();
    assertThat(filesUnder(dir)).isEmpty();
    assertThat(openDescriptorsOf(written.get(0))).isZero();
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  /** How many of this process's descriptors are open on {@code file} (Linux /proc; else 1/0). */
  private static long openDescriptorsOf(Path file) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return Files.exists(file) ? 1 : 0;
    }
    try (Stream<Path> s = Files.list(fds)) {
      return s.filter(fd -> target(fd).startsWith(file.toString())).count();
    }
  }

  private static String target(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return "";
    }
  }
}
