package io.quacklake.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.internal.parquet.ParquetCompression;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Writes given up on S3 after parts were already uploaded leave nothing: no object under the key
 * and no incomplete multipart upload (which S3 would keep, and bill, until a lifecycle rule ends
 * it).
 */
class S3AbandonedWriteIT {
  private static final LakeColumn ID =
      new LakeColumn(1, "id", LakeType.of(TypeId.INT64), false, null, null, List.of());
  private static final int ROWS_PER_BATCH = 200_000;

  @Test
  void dataFileAbortedAfterAPartWasUploadedLeavesNoObjectAndNoUpload() throws Exception {
    S3TestServer server = S3TestServer.get();
    String bucket = server.newBucket();
    Location location = Location.of("s3://" + bucket + "/lake/t/data.parquet");
    ParquetWriteOptions options =
        ParquetWriteOptions.defaults()
            .withCompression(ParquetCompression.UNCOMPRESSED)
            .withRowGroupRows(ROWS_PER_BATCH);
    try (S3ObjectStore store = new S3ObjectStore(server.settings());
        RootAllocator allocator = new RootAllocator()) {
      ArrowParquetWriter w = ArrowParquetWriter.open(store, location, List.of(ID), options);
      Random random = new Random(11);
      // 8 bytes a value, uncompressed and without a dictionary: 1.6 MB a row group
      while (store.requests().puts() == 0) {
        try (VectorSchemaRoot batch = batch(allocator, random, -1)) {
          w.write(batch);
        }
      }
      assertThat(uploads(server, bucket)).as("a multipart upload is under way").hasSize(1);
      try (VectorSchemaRoot bad = batch(allocator, random, 1234)) {
        assertThatThrownBy(() -> w.write(bad))
            .isInstanceOf(QuacklakeException.class)
            .hasMessageContaining("NOT NULL");
      }
      w.abort();
      assertThat(store.exists(location)).isFalse();
      assertThat(store.list(Location.directory("s3://" + bucket + "/"))).isEmpty();
      assertThat(uploads(server, bucket)).isEmpty();
    }
  }

  @Test
  void streamAbortedAfterAPartWasUploadedLeavesNoObjectAndNoUpload() throws Exception {
    S3TestServer server = S3TestServer.get();
    String bucket = server.newBucket();
    Location location = Location.of("s3://" + bucket + "/lake/t/big.bin");
    try (S3ObjectStore store = new S3ObjectStore(server.settings())) {
      OutputStream out = store.newOutputFile(location);
      out.write(new byte[S3OutputStream.PART_SIZE + 1000]);
      assertThat(store.requests().puts()).as("parts uploaded").isOne();
      assertThat(uploads(server, bucket)).hasSize(1);
      assertThat(Abortable.abort(out)).isTrue();
      out.close();
      assertThat(store.exists(location)).isFalse();
      assertThat(uploads(server, bucket)).isEmpty();
    }
  }

  @Test
  void closeAfterAFailedPartUploadPublishesNothing() throws Exception {
    S3TestServer server = S3TestServer.get();
    String bucket = server.newBucket();
    Location location = Location.of("s3://" + bucket + "/catalog/blocks/b1");
    try (S3Client failing = clientFailingPartUploads(server.settings());
        S3ObjectStore store = new S3ObjectStore(server.settings())) {
      S3OutputStream out =
          new S3OutputStream(failing, S3Path.of(location), server.settings(), new RequestCounter());
      byte[] part = new byte[S3OutputStream.PART_SIZE + 100];
      // as try-with-resources does: the write fails, then the stream is closed
      assertThatThrownBy(() -> out.write(part)).hasMessageContaining("injected part failure");
      out.close();
      assertThat(store.exists(location)).as("a partial object was published").isFalse();
      assertThat(uploads(server, bucket)).isEmpty();
    }
  }

  /** A client like the store's whose UploadPart requests fail before they are sent. */
  private static S3Client clientFailingPartUploads(S3Settings s) {
    ExecutionInterceptor failParts =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UploadPartRequest) {
              throw SdkClientException.create("injected part failure");
            }
          }
        };
    return S3Client.builder()
        .region(Region.of(s.region()))
        .forcePathStyle(s.pathStyle())
        .endpointOverride(s.endpoint())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey())))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.addExecutionInterceptor(failParts))
        .build();
  }

  /** Incomplete multipart uploads in the bucket. */
  static List<MultipartUpload> uploads(S3TestServer server, String bucket) {
    try (S3Client client = S3Clients.create(server.settings())) {
      return client.listMultipartUploads(b -> b.bucket(bucket)).uploads();
    }
  }

  private static VectorSchemaRoot batch(RootAllocator allocator, Random random, int nullAt) {
    Field field = Field.nullable("id", ArrowTypes.arrowType(ID.type()));
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(field)), allocator);
    BigIntVector v = (BigIntVector) root.getVector(0);
    v.allocateNew(ROWS_PER_BATCH);
    for (int i = 0; i < ROWS_PER_BATCH; i++) {
      if (i == nullAt) {
        v.setNull(i);
      } else {
        v.set(i, random.nextLong());
      }
    }
    root.setRowCount(ROWS_PER_BATCH);
    return root;
  }
}
