package io.quacklake.cli.warm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** The identity of this process's working directory. */
final class WorkingDirectory {
  private WorkingDirectory() {}

  /**
   * The device and inode of the directory this process runs in (through {@code /proc/self/cwd}, so
   * a directory removed and made again under the same name is another one); empty where the
   * platform has no such link.
   */
  static String identity() {
    try {
      Object key =
          Files.readAttributes(Path.of("/proc/self/cwd"), BasicFileAttributes.class).fileKey();
      return key == null ? "" : key.toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }
}
