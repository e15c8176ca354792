package io.quacklake.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A Google Cloud Storage bucket as a Quacklake store ({@code gs://} or {@code gcs://}). Objects
 * become visible when an upload is finalized (GCS has no partial objects); conditional creates send
 * generation match 0 ({@code ifGenerationMatch=0}), which GCS checks atomically, and an ambiguous
 * one (a timeout, a reset, or a failed precondition that may answer a retry of our own request) is
 * settled by reading the object back. Listings leave out folder placeholders (names ending in
 * {@code /}).
 */
public final class GcsObjectStore implements ObjectStore, SupportsConditionalWrites {
  private static final int CREATE_ATTEMPTS = 4;

  private final Storage storage;
  private final GcsSettings settings;

  public GcsObjectStore(GcsSettings settings) {
    this(GcsClients.create(settings), settings);
  }

  GcsObjectStore(Storage storage, GcsSettings settings) {
    this.storage = storage;
    this.settings = settings;
  }

  @Override
  public InputFile newInputFile(Location location, long knownLength) {
    GcsPath path = GcsPath.of(location);
    return new InputFile() {
      private volatile long length = knownLength;

      @Override
      public Location location() {
        return location;
      }

      @Override
      public long length() throws IOException {
        if (length < 0) {
          length = metadata(path, "read").getSize();
        }
        return length;
      }

      @Override
      public SeekableStream newStream() throws IOException {
        return new GcsInputStream(storage, path, length(), settings);
      }
    };
  }

  private Blob metadata(GcsPath path, String what) throws IOException {
    Blob blob;
    try {
      blob = storage.get(path.blobId());
    } catch (StorageException e) {
      throw GcsErrors.map(e, what, path, settings);
    }
    if (blob == null) {
      throw new NoSuchFileException(path.toString());
    }
    return blob;
  }

  @Override
  public OutputStream newOutputFile(Location location) {
    return new GcsOutputStream(storage, GcsPath.of(location), settings);
  }

  @Override
  public void delete(Location location) throws IOException {
    GcsPath path = GcsPath.of(location);
    try {
      storage.delete(path.blobId());
    } catch (StorageException e) {
      if (!GcsErrors.isNotFound(e)) {
        throw GcsErrors.map(e, "delete", path, settings);
      }
    }
  }

  @Override
  public boolean exists(Location location) throws IOException {
    try {
      metadata(GcsPath.of(location), "check");
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  @Override
  public List<FileEntry> list(Location prefix) throws IOException {
    GcsPath path = GcsPath.of(prefix);
    List<FileEntry> out = new ArrayList<>();
    try {
      for (Blob b :
          storage.list(path.bucket(), Storage.BlobListOption.prefix(path.name())).iterateAll()) {
        if (!b.getName().endsWith("/")) {
          out.add(new FileEntry(path.location(b.getName()), b.getSize(), updated(b)));
        }
      }
    } catch (StorageException e) {
      throw GcsErrors.map(e, "list", path, settings);
    }
    out.sort(Comparator.comparing(e -> e.location().value()));
    return out;
  }

  private static Instant updated(Blob b) {
    if (b.getUpdateTimeOffsetDateTime() != null) {
      return b.getUpdateTimeOffsetDateTime().toInstant();
    }
    return b.getCreateTimeOffsetDateTime() != null
        ? b.getCreateTimeOffsetDateTime().toInstant()
        : Instant.EPOCH;
  }

  @Override
  public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
    GcsPath path = GcsPath.of(location);
    BlobInfo info = BlobInfo.newBuilder(path.blobId()).build();
    IOException last = null;
    for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      try {
        storage.create(info, content, Storage.BlobTargetOption.doesNotExist());
        return CreateOutcome.CREATED;
      } catch (StorageException e) {
        if (e.getCode() == 412) {
          // The client retries failed requests by itself, so even a first 412 may answer a retry
          // of our own create that landed: only the stored content can tell.
          CreateOutcome settled = readBack(location, content);
          return settled == null ? CreateOutcome.ALREADY_EXISTS : settled;
        }
        if (!GcsErrors.isAmbiguous(e)) {
          throw GcsErrors.map(e, "create", path, settings);
        }
        last =
            new IOException("cannot create " + path + ": " + e.getCode() + " " + e.getReason(), e);
      }
      CreateOutcome settled = readBack(location, content);
      if (settled != null) {
        return settled;
      }
    }
    throw last;
  }

  /** What an ambiguous create did: CREATED if our bytes are there, else the other, null if none. */
  private CreateOutcome readBack(Location location, byte[] content) throws IOException {
    try (SeekableStream in = newInputFile(location, -1).newStream()) {
      return Arrays.equals(in.readAllBytes(), content)
          ? CreateOutcome.CREATED
          : CreateOutcome.ALREADY_EXISTS;
    } catch (NoSuchFileException absent) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      storage.close();
    } catch (Exception ignored) {
      // the HTTP transport holds no resources that outlive the process
    }
  }
}
