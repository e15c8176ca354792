package io.quacklake.storage;

/**
 * Makes stores for URI schemes core does not know ({@code s3}); found with {@link
 * java.util.ServiceLoader}, so core never depends on a cloud SDK. Modules such as {@code
 * quacklake-s3} register one in {@code META-INF/services/io.quacklake.storage.ObjectStoreProvider}.
 */
public interface ObjectStoreProvider {
  /** Whether this provider serves locations with {@code scheme} (e.g. {@code s3}). */
  boolean supports(String scheme);

  /** A new store; the caller closes it. */
  ObjectStore open(StorageSettings settings);
}
