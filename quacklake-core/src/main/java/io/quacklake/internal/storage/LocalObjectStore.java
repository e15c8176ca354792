package io.quacklake.internal.storage;

import io.quacklake.storage.Abortable;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Files on a local file system. Writes go to a hidden temporary name and are renamed on close; the
 * output streams are {@link Abortable}. Durable: a file's bytes are forced to disk before it gets
 * its name, and the directory after (also for the directories a write creates), so a catalog commit
 * made after a write returned never points at a missing or empty file after a power loss.
 */
public final class LocalObjectStore implements ObjectStore, SupportsConditionalWrites {
  private final LocalSync sync;

  public LocalObjectStore() {
    this(NioLocalSync.INSTANCE);
  }

  LocalObjectStore(LocalSync sync) {
    this.sync = sync;
  }

  @Override
  public InputFile newInputFile(Location location, long knownLength) {
    Path path = location.toLocalPath();
    return new InputFile() {
      @Override
      public Location location() {
        return location;
      }

      @Override
      public long length() throws IOException {
        return knownLength >= 0 ? knownLength : Files.size(path);
      }

      @Override
      public SeekableStream newStream() throws IOException {
        return new ChannelStream(FileChannel.open(path, StandardOpenOption.READ));
      }
    };
  }

  @Override
  public OutputStream newOutputFile(Location location) throws IOException {
    Path target = location.toLocalPath();
    if (Files.exists(target)) {
      throw new java.nio.file.FileAlreadyExistsException(target.toString());
    }
    createDirectories(target.toAbsolutePath().getParent());
    return LocalOutputStream.create(target, sync);
  }

  /** Creates a missing directory and its missing parents, forcing each new entry's parent. */
  private void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (Files.isDirectory(dir)) {
        return;
      }
      throw e;
    }
    if (parent != null) {
      sync.forceDirectory(parent);
    }
  }

  @Override
  public void delete(Location location) throws IOException {
    Files.deleteIfExists(location.toLocalPath());
  }

  @Override
  public boolean exists(Location location) {
    return Files.exists(location.toLocalPath());
  }

  @Override
  public List<FileEntry> abandonedWrites(Location prefix) throws IOException {
    return walk(prefix, name -> name.startsWith(".") && name.endsWith(".tmp"));
  }

  @Override
  public List<FileEntry> list(Location prefix) throws IOException {
    return walk(prefix, name -> !name.startsWith("."));
  }

  /**
   * The regular files under {@code prefix} whose names {@code wanted} accepts, sorted by location;
   * files that vanish while the tree is walked are left out.
   */
  private static List<FileEntry> walk(Location prefix, java.util.function.Predicate<String> wanted)
      throws IOException {
    Path root = prefix.toLocalPath();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<FileEntry> out = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && wanted.test(p.getFileName().toString())) {
              String relative = root.relativize(p).toString().replace('\\', '/');
              out.add(
                  new FileEntry(
                      prefix.resolve(relative),
                      attrs.size(),
                      attrs.lastModifiedTime().toInstant()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
    out.sort(Comparator.comparing(e -> e.location().value()));
    return out;
  }

  /**
   * Atomic: the content goes to a hidden temporary file, forced to disk, which is hard-linked to
   * the name; then the directory is forced.
   */
  @Override
  public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
    Path target = location.toLocalPath();
    Path dir = target.toAbsolutePath().getParent();
    createDirectories(dir);
    Path temp = LocalOutputStream.temporaryFor(target);
    try {
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        sync.forceFile(ch, temp);
      }
      sync.link(target, temp);
      sync.forceDirectory(dir);
      return CreateOutcome.CREATED;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return CreateOutcome.ALREADY_EXISTS;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static final class ChannelStream extends SeekableStream {
    private final FileChannel channel;
    private final ByteBuffer one = ByteBuffer.allocate(1);

    ChannelStream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public int read() throws IOException {
      one.clear();
      int n = channel.read(one);
      return n <= 0 ? -1 : one.get(0) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      return channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
