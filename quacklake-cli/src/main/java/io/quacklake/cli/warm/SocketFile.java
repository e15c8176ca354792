package io.quacklake.cli.warm;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The socket's path and the lock ({@code PATH.lock}) that orders binding it and removing it: a
 * stale socket is removed only while nothing answers on it under the lock, and a server removes
 * only the socket it bound, so no party ever removes a live server's socket.
 */
final class SocketFile {
  private final Path socket;
  private final Path lock;

  SocketFile(Path socket) {
    this.socket = socket;
    this.lock = socket.resolveSibling(socket.getFileName() + ".lock");
  }

  /** Runs {@code body} holding the lock. */
  <T> T locked(IoSupplier<T> body) throws IOException {
    try (FileChannel channel =
        FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = channel.lock();
      try {
        return body.get();
      } finally {
        held.release();
      }
    }
  }

  /** Whether a server answers on the socket now. */
  boolean answers() {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      return probe.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes the socket when nothing answers on it (call holding the lock). */
  void removeIfStale() throws IOException {
    if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && !answers()) {
      Files.deleteIfExists(socket);
    }
  }

  /** The socket file's identity, or null when there is none. */
  Object identity() {
    try {
      return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** Removes the socket if it is still the file whose identity is {@code bound}. */
  void removeIfStill(Object bound) throws IOException {
    locked(
        () -> {
          if (bound != null && Objects.equals(identity(), bound)) {
            Files.deleteIfExists(socket);
          }
          return null;
        });
  }

  /** A supplier that may fail with an I/O error. */
  interface IoSupplier<T> {
    T get() throws IOException;
  }
}
