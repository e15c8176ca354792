package io.quacklake.gcs;

import com.google.cloud.storage.BlobId;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;

/**
 * A location as bucket and object name; the scheme it was written with ({@code gs} or {@code gcs})
 * is kept, so listed locations read back in the caller's form.
 *
 * @param scheme {@code gs} or {@code gcs}
 * @param bucket the bucket
 * @param name the object name, or a name prefix ending in {@code /} (empty: the whole bucket)
 */
record GcsPath(String scheme, String bucket, String name) {
  static GcsPath of(Location location) {
    String v = location.value();
    String scheme = location.scheme();
    if (!"gs".equals(scheme) && !"gcs".equals(scheme)) {
      throw QuacklakeException.invalid("not a gs:// or gcs:// location: %s", location);
    }
    String rest = v.substring(scheme.length() + "://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (bucket.isEmpty()) {
      throw QuacklakeException.invalid(
          "%s location %s names no bucket; use %s://bucket/prefix", scheme, location, scheme);
    }
    return new GcsPath(scheme, bucket, slash < 0 ? "" : rest.substring(slash + 1));
  }

  BlobId blobId() {
    return BlobId.of(bucket, name);
  }

  /** The location of another object in the same bucket, in this path's scheme. */
  Location location(String objectName) {
    return Location.of(scheme + "://" + bucket + "/" + objectName);
  }

  @Override
  public String toString() {
    return scheme + "://" + bucket + "/" + name;
  }
}
