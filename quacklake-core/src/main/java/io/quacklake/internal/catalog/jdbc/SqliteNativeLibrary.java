package io.quacklake.internal.catalog.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps xerial's native SQLite library in the user's cache ({@code $XDG_CACHE_HOME/quacklake} or
 * {@code ~/.cache/quacklake}, one folder per driver version and platform) and points the driver at
 * it, instead of the driver writing a fresh copy to the temporary folder on every start — a third
 * of a CLI call's start-up. Left to the driver when {@code org.sqlite.lib.path} is set, or when the
 * cache cannot be written.
 */
final class SqliteNativeLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);

  private SqliteNativeLibrary() {}

  /** Points the driver at the cached library, extracting it first when it is not there yet. */
  static void prepare() {
    if (System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    try {
      Path cache = cacheRoot();
      if (cache == null) {
        return;
      }
      String version = org.sqlite.SQLiteJDBCLoader.getVersion();
      String folder = folder(cache, version);
      String name = System.mapLibraryName("sqlitejdbc");
      URL resource = org.sqlite.JDBC.class.getResource("/org/sqlite/native/" + folder + "/" + name);
      if (resource == null) {
        return;
      }
      Path dir = cache.resolve("sqlite-jdbc-" + version + "-" + folder.replace('/', '-'));
      Path library = dir.resolve(name);
      long size = resource.openConnection().getContentLengthLong();
      if (!Files.isRegularFile(library) || Files.size(library) != size) {
        extract(resource, dir, library);
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.debug("keeping SQLite's native library in the cache failed; the driver extracts it", e);
    }
  }

  /**
   * The driver's folder name for this platform ({@code Linux/x86_64}). The driver works it out by
   * running {@code uname -o} (is this Android?), 40 ms of every start; the answer is remembered in
   * the cache per driver version, operating system and architecture. Should a remembered answer be
   * wrong for this machine (a home folder shared between glibc and musl systems), loading fails and
   * the driver falls back to its own extraction.
   */
  private static String folder(Path cache, String version) throws IOException {
    String platform =
        (System.getProperty("os.name") + "-" + System.getProperty("os.arch"))
            .replaceAll("[^A-Za-z0-9._-]", "_");
    Path remembered = cache.resolve("sqlite-jdbc-" + version + "-" + platform + ".folder");
    if (Files.isRegularFile(remembered)) {
      String folder = Files.readString(remembered, StandardCharsets.UTF_8).trim();
      if (folder.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")) {
        return folder;
      }
    }
    String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
    Files.createDirectories(cache);
    Path partial = Files.createTempFile(cache, "sqlite-folder", ".partial");
    try {
      Files.writeString(partial, folder, StandardCharsets.UTF_8);
      Files.move(partial, remembered, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return folder;
  }

  private static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "quacklake");
    }
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "quacklake");
  }

  /** Writes the library under a private name and renames it, so a reader never sees half. */
  private static void extract(URL resource, Path dir, Path library) throws IOException {
    Files.createDirectories(dir);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // the file system keeps no POSIX permissions (Windows): the user's profile protects it
    }
    Path partial = Files.createTempFile(dir, "sqlitejdbc", ".partial");
    try (InputStream in = resource.openStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
