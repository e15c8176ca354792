package io.quacklake.s3;

import io.quacklake.storage.Abortable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Writes an object as it streams: up to one part ({@value #PART_SIZE} bytes) is buffered in memory;
 * a small object is one PUT on close, a larger one a multipart upload whose parts go out as they
 * fill. Nothing is visible under the key until {@link #close()} succeeds. A failure or {@link
 * #abort} aborts the upload, so no part lingers, and drops the buffer; the stream is then done: a
 * later close publishes nothing.
 */
final class S3OutputStream extends OutputStream implements Abortable {
  static final int PART_SIZE = 8 << 20;

  private final S3Client client;
  private final S3Path path;
  private final S3Settings settings;
  private final RequestCounter counter;
  private final List<CompletedPart> parts = new ArrayList<>();
  private byte[] buffer = new byte[PART_SIZE];
  private int filled;
  private String uploadId;

  /** Closed, failed or aborted: nothing more is sent. */
  private boolean done;

  S3OutputStream(S3Client client, S3Path path, S3Settings settings, RequestCounter counter) {
    this.client = client;
    this.path = path;
    this.settings = settings;
    this.counter = counter;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (done) {
      throw new IOException("upload of " + path + " is already closed, failed or aborted");
    }
    while (len > 0) {
      int n = Math.min(len, PART_SIZE - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == PART_SIZE) {
        uploadPart();
      }
    }
  }

  private void uploadPart() throws IOException {
    try {
      if (uploadId == null) {
        counter.countOther();
        uploadId =
            client
                .createMultipartUpload(
                    CreateMultipartUploadRequest.builder()
                        .bucket(path.bucket())
                        .key(path.key())
                        .build())
                .uploadId();
      }
      int number = parts.size() + 1;
      counter.countPut();
      String etag =
          client
              .uploadPart(
                  UploadPartRequest.builder()
                      .bucket(path.bucket())
                      .key(path.key())
                      .uploadId(uploadId)
                      .partNumber(number)
                      .build(),
                  RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled)))
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      filled = 0;
    } catch (SdkException e) {
      abort();
      throw S3Errors.map(e, "upload", path, settings);
    }
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    try {
      if (uploadId == null) {
        counter.countPut();
        client.putObject(
            PutObjectRequest.builder().bucket(path.bucket()).key(path.key()).build(),
            RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled)));
        return;
      }
      if (filled > 0) {
        uploadPart();
      }
      counter.countOther();
      client.completeMultipartUpload(
          b ->
              b.bucket(path.bucket())
                  .key(path.key())
                  .uploadId(uploadId)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    } catch (SdkException e) {
      abort();
      throw S3Errors.map(e, "write", path, settings);
    } finally {
      done = true;
      buffer = null;
    }
  }

  /** Aborts the multipart upload, if one was started, and drops the buffer. */
  @Override
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    buffer = null;
    if (uploadId == null) {
      return;
    }
    try {
      counter.countOther();
      client.abortMultipartUpload(
          AbortMultipartUploadRequest.builder()
              .bucket(path.bucket())
              .key(path.key())
              .uploadId(uploadId)
              .build());
    } catch (SdkException ignored) {
      // the upload lingers until a lifecycle rule ends it; the failure being reported matters more
    }
    uploadId = null;
  }
}
