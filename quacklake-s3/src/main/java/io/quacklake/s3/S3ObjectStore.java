package io.quacklake.s3;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible bucket as a Quacklake store. Objects become visible when an upload completes (S3
 * has no partial objects); conditional creates use {@code If-None-Match: *}, and an ambiguous one
 * (a timeout or reset after sending) is settled by reading the object back.
 */
public final class S3ObjectStore implements ObjectStore, SupportsConditionalWrites {
  private static final int CREATE_ATTEMPTS = 4;

  private final S3Client client;
  private final S3Settings settings;
  private final RequestCounter counter = new RequestCounter();

  public S3ObjectStore(S3Settings settings) {
    this(S3Clients.create(settings), settings);
  }

  S3ObjectStore(S3Client client, S3Settings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Requests made so far by this store. */
  public RequestCounter requests() {
    return counter;
  }

  @Override
  public InputFile newInputFile(Location location, long knownLength) {
    S3Path path = S3Path.of(location);
    return new InputFile() {
      private long length = knownLength;

      @Override
      public Location location() {
        return location;
      }

      @Override
      public long length() throws IOException {
        if (length < 0) {
          try {
            counter.countOther();
            length =
                client.headObject(b -> b.bucket(path.bucket()).key(path.key())).contentLength();
          } catch (SdkException e) {
            throw S3Errors.map(e, "read", location, settings);
          }
        }
        return length;
      }

      @Override
      public SeekableStream newStream() throws IOException {
        return new S3InputStream(client, path, length(), settings, counter);
      }
    };
  }

  @Override
  public OutputStream newOutputFile(Location location) {
    return new S3OutputStream(client, S3Path.of(location), settings, counter);
  }

  @Override
  public void delete(Location location) throws IOException {
    S3Path path = S3Path.of(location);
    try {
      counter.countOther();
      client.deleteObject(b -> b.bucket(path.bucket()).key(path.key()));
    } catch (SdkException e) {
      if (!S3Errors.isNotFound(e)) {
        throw S3Errors.map(e, "delete", location, settings);
      }
    }
  }

  @Override
  public boolean exists(Location location) throws IOException {
    S3Path path = S3Path.of(location);
    try {
      counter.countOther();
      client.headObject(b -> b.bucket(path.bucket()).key(path.key()));
      return true;
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return false;
      }
      throw S3Errors.map(e, "check", location, settings);
    }
  }

  @Override
  public List<FileEntry> list(Location prefix) throws IOException {
    S3Path path = S3Path.of(prefix);
    List<FileEntry> out = new ArrayList<>();
    try {
      counter.countOther();
      for (S3Object o :
          client
              .listObjectsV2Paginator(
                  ListObjectsV2Request.builder().bucket(path.bucket()).prefix(path.key()).build())
              .contents()) {
        out.add(new FileEntry(path.location(o.key()), o.size(), o.lastModified()));
      }
    } catch (SdkException e) {
      throw S3Errors.map(e, "list", prefix, settings);
    }
    out.sort(Comparator.comparing(e -> e.location().value()));
    return out;
  }

  @Override
  public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
    S3Path path = S3Path.of(location);
    IOException last = null;
    for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      try {
        counter.countPut();
        client.putObject(
            PutObjectRequest.builder()
                .bucket(path.bucket())
                .key(path.key())
                .ifNoneMatch("*")
                .build(),
            RequestBody.fromBytes(content));
        return CreateOutcome.CREATED;
      } catch (S3Exception e) {
        if (e.statusCode() == 412) {
          // The SDK retries failed requests by itself, so even a first 412 may answer a retry of
          // our own PUT that landed: only the stored content can tell.
          CreateOutcome settled = readBack(location, content);
          return settled == null ? CreateOutcome.ALREADY_EXISTS : settled;
        }
        if (e.statusCode() != 409 && e.statusCode() < 500) {
          throw S3Errors.map(e, "create", location, settings);
        }
        last = S3Errors.map(e, "create", location, settings);
      } catch (SdkClientException e) {
        last = S3Errors.map(e, "create", location, settings);
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

  /** Creates a bucket (for tests and tools; lakes expect theirs to exist). */
  public void createBucket(String bucket) {
    counter.countOther();
    client.createBucket(b -> b.bucket(bucket));
  }

  @Override
  public void close() {
    client.close();
  }
}
