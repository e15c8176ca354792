package io.quacklake.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BlobId;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GcsPathTest {
  @ParameterizedTest
  @CsvSource({
    "gs://bucket/lake/data/file.parquet, gs, bucket, lake/data/file.parquet",
    "gcs://bucket/lake/data/file.parquet, gcs, bucket, lake/data/file.parquet",
    "gs://bucket/lake/, gs, bucket, lake/",
    "gs://bucket/, gs, bucket, ''",
    "gs://bucket, gs, bucket, ''",
    "gs://my.bucket-1/a b/ü#?+%.bin, gs, my.bucket-1, a b/ü#?+%.bin",
  })
  void locationsSplitIntoBucketAndObjectName(
      String location, String scheme, String bucket, String name) {
    GcsPath path = GcsPath.of(Location.of(location));
    assertThat(path).isEqualTo(new GcsPath(scheme, bucket, name));
    assertThat(path.blobId()).isEqualTo(BlobId.of(bucket, name));
  }

  @Test
  void listedLocationsKeepTheSchemeTheyWereGivenIn() {
    assertThat(GcsPath.of(Location.of("gcs://b/p/")).location("p/x.bin"))
        .isEqualTo(Location.of("gcs://b/p/x.bin"));
    assertThat(GcsPath.of(Location.of("gs://b/p/")).location("p/x.bin"))
        .isEqualTo(Location.of("gs://b/p/x.bin"));
  }

  @Test
  void aLocationWithoutBucketOrOfAnotherSchemeIsRefused() {
    assertThatThrownBy(() -> GcsPath.of(Location.of("gs:///lake/")))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("names no bucket")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> GcsPath.of(Location.of("s3://bucket/lake/")))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("not a gs:// or gcs:// location");
  }
}
