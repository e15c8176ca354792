package io.quacklake.s3;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;

/**
 * A location as bucket and key.
 *
 * @param bucket the bucket
 * @param key the object key, or a key prefix ending in {@code /} (empty: the whole bucket)
 */
record S3Path(String bucket, String key) {
  static S3Path of(Location location) {
    String v = location.value();
    if (!v.startsWith("s3://")) {
      throw QuacklakeException.invalid("not an s3:// location: %s", location);
    }
    String rest = v.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (bucket.isEmpty()) {
      throw QuacklakeException.invalid("s3 location %s names no bucket", location);
    }
    return new S3Path(bucket, slash < 0 ? "" : rest.substring(slash + 1));
  }

  Location location(String objectKey) {
    return Location.of("s3://" + bucket + "/" + objectKey);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
