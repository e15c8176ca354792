package io.quacklake.internal.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@link LocalSync} through {@code java.nio}: {@code fsync} of files and directories. */
final class NioLocalSync implements LocalSync {
  static final NioLocalSync INSTANCE = new NioLocalSync();

  private NioLocalSync() {}

  @Override
  public void forceFile(FileChannel channel, Path file) throws IOException {
    channel.force(true);
  }

  @Override
  public void rename(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void link(Path link, Path existing) throws IOException {
    Files.createLink(link, existing);
  }

  /**
   * Forces a directory where the platform can open one (POSIX); on Windows, which cannot, the file
   * system journals the rename itself and this does nothing.
   */
  @Override
  public void forceDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException e) {
      if (WINDOWS) {
        return;
      }
      throw e;
    }
    try (channel) {
      channel.force(true);
    }
  }

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
}
