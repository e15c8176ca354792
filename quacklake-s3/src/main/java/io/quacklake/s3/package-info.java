/**
 * S3-compatible object storage (AWS S3, MinIO, R2, Tigris, GCS interoperability) behind core's
 * {@link io.quacklake.storage.ObjectStore} seam, with the AWS SDK for Java v2: ranged reads,
 * streaming multipart uploads, listings, and conditional creates ({@code If-None-Match: *}) for the
 * object-store catalog. Registered with {@link java.util.ServiceLoader}; core never sees the SDK.
 */
package io.quacklake.s3;
