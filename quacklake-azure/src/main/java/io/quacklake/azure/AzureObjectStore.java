package io.quacklake.azure;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure Blob Storage as a Quacklake store. A blob becomes visible when its upload is committed
 * (Azure has no partial blobs); conditional creates use {@code If-None-Match: *}, and an ambiguous
 * one (a timeout or reset after sending, or a refusal that may answer the SDK's retry of our own
 * create) is settled by reading the blob back. One store serves every account its locations name,
 * with one SDK client per blob endpoint.
 */
public final class AzureObjectStore implements ObjectStore, SupportsConditionalWrites {
  private static final int CREATE_ATTEMPTS = 4;

  private final AzureSettings settings;
  private final List<HttpPipelinePolicy> extraPolicies;
  private final Map<String, BlobServiceClient> clients = new ConcurrentHashMap<>();
  private final RequestCounter counter = new RequestCounter();

  public AzureObjectStore(AzureSettings settings) {
    this(settings, List.of());
  }

  /** A store whose requests also pass {@code extraPolicies} (tests: faults, header changes). */
  AzureObjectStore(AzureSettings settings, List<HttpPipelinePolicy> extraPolicies) {
    this.settings = settings;
    this.extraPolicies = List.copyOf(extraPolicies);
  }

  /** Requests made so far by this store. */
  public RequestCounter requests() {
    return counter;
  }

  private String endpoint(AzureLocation path) {
    return settings.blobEndpoint(path);
  }

  private BlobContainerClient container(AzureLocation path) {
    return clients
        .computeIfAbsent(endpoint(path), e -> AzureClients.create(settings, e, extraPolicies))
        .getBlobContainerClient(path.container());
  }

  private BlobClient blob(AzureLocation path) {
    return container(path).getBlobClient(path.blobName());
  }

  /** The SDK client of the blob at {@code location} (tests look at its blocks). */
  BlockBlobClient blockBlob(Location location) {
    return blob(AzureLocation.of(location)).getBlockBlobClient();
  }

  @Override
  public InputFile newInputFile(Location location, long knownLength) {
    AzureLocation path = AzureLocation.of(location);
    return new InputFile() {
      private volatile long length = knownLength;

      @Override
      public Location location() {
        return location;
      }

      @Override
      public long length() throws IOException {
        if (length < 0) {
          try {
            counter.countOther();
            length = blob(path).getProperties().getBlobSize();
          } catch (RuntimeException e) {
            throw AzureErrors.map(e, "read", location, endpoint(path));
          }
        }
        return length;
      }

      @Override
      public SeekableStream newStream() throws IOException {
        return new AzureInputStream(blob(path), path, length(), endpoint(path), counter);
      }
    };
  }

  @Override
  public OutputStream newOutputFile(Location location) {
    AzureLocation path = AzureLocation.of(location);
    return new AzureOutputStream(blob(path).getBlockBlobClient(), path, endpoint(path), counter);
  }

  @Override
  public void delete(Location location) throws IOException {
    AzureLocation path = AzureLocation.of(location);
    try {
      counter.countOther();
      blob(path).deleteIfExists();
    } catch (RuntimeException e) {
      if (!AzureErrors.isNotFound(e)) {
        throw AzureErrors.map(e, "delete", location, endpoint(path));
      }
    }
  }

  @Override
  public boolean exists(Location location) throws IOException {
    AzureLocation path = AzureLocation.of(location);
    try {
      counter.countOther();
      return blob(path).exists();
    } catch (RuntimeException e) {
      throw AzureErrors.map(e, "check", location, endpoint(path));
    }
  }

  @Override
  public List<FileEntry> list(Location prefix) throws IOException {
    AzureLocation path = AzureLocation.of(prefix);
    List<FileEntry> out = new ArrayList<>();
    try {
      counter.countOther();
      for (BlobItem item :
          container(path).listBlobs(new ListBlobsOptions().setPrefix(path.blobName()), null)) {
        out.add(
            new FileEntry(
                path.location(item.getName()),
                item.getProperties().getContentLength(),
                item.getProperties().getLastModified().toInstant()));
      }
    } catch (RuntimeException e) {
      throw AzureErrors.map(e, "list", prefix, endpoint(path));
    }
    out.sort(Comparator.comparing(e -> e.location().value()));
    return out;
  }

  @Override
  public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
    AzureLocation path = AzureLocation.of(location);
    IOException last = null;
    for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      try {
        counter.countPut();
        blob(path)
            .getBlockBlobClient()
            .uploadWithResponse(
                new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(content))
                    .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")),
                null,
                Context.NONE);
        return CreateOutcome.CREATED;
      } catch (BlobStorageException e) {
        if (e.getStatusCode() == 412
            || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode())) {
          // The SDK retries failed requests by itself, so even a first refusal may answer a retry
          // of our own create that landed: only the stored content can tell.
          CreateOutcome settled = readBack(location, content);
          return settled == null ? CreateOutcome.ALREADY_EXISTS : settled;
        }
        if (e.getStatusCode() != 409 && e.getStatusCode() < 500) {
          throw AzureErrors.map(e, "create", location, endpoint(path));
        }
        last = AzureErrors.map(e, "create", location, endpoint(path));
      } catch (RuntimeException e) {
        last = AzureErrors.map(e, "create", location, endpoint(path));
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

  /** Creates a container (for tests and tools; lakes expect theirs to exist). */
  public void createContainer(Location location) {
    AzureLocation path = AzureLocation.of(location);
    counter.countOther();
    container(path).create();
  }
}
