package io.quacklake.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.StorageException;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class GcsErrorsTest {
  private static final GcsSettings SETTINGS = new GcsSettings(null, null, null, false);
  private static final GcsPath PATH = GcsPath.of(Location.of("gs://lake-bucket/lake/x.parquet"));

  private static ErrorKind kind(Throwable e) {
    return ((QuacklakeException) e).kind();
  }

  @Test
  void aMissingObjectIsNoSuchFile() {
    IOException e =
        GcsErrors.map(
            new StorageException(404, "No such object: lake-bucket/lake/x.parquet"),
            "read",
            PATH,
            SETTINGS);
    assertThat(e)
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage("gs://lake-bucket/lake/x.parquet");
  }

  @Test
  void aMissingBucketIsAnInvalidLocation() {
    StorageException missing = new StorageException(404, "The specified bucket does not exist.");
    assertThat(GcsErrors.isNotFound(missing)).isFalse();
    assertThatThrownBy(() -> GcsErrors.map(missing, "list", PATH, SETTINGS))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("the bucket does not exist at Google Cloud Storage");
  }

  @Test
  void anObjectWhoseNameMentionsABucketIsStillJustMissing() {
    assertThat(GcsErrors.isNotFound(new StorageException(404, "No such object: b/bucket-list")))
        .isTrue();
  }

  @Test
  void aFailedPreconditionIsAlreadyExists() {
    assertThatThrownBy(
            () ->
                GcsErrors.map(
                    new StorageException(412, "conditionNotMet"), "create", PATH, SETTINGS))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(ErrorKind.ALREADY_EXISTS))
        .hasMessageContaining("exists already");
  }

  @Test
  void refusedCredentialsNameTheSettingsToCheck() {
    assertThatThrownBy(
            () ->
                GcsErrors.map(
                    new StorageException(401, "Invalid Credentials"), "read", PATH, SETTINGS))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("credentials were refused")
        .hasMessageContaining("gcs.key-file / GOOGLE_APPLICATION_CREDENTIALS");
    assertThatThrownBy(
            () -> GcsErrors.map(new StorageException(403, "forbidden"), "write", PATH, SETTINGS))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("access denied")
        .hasMessageContaining("bucket lake-bucket");
  }

  @Test
  void throttlingAndUnreachableEndpointsAreUnavailable() {
    assertThatThrownBy(
            () ->
                GcsErrors.map(
                    new StorageException(429, "rateLimitExceeded"), "write", PATH, SETTINGS))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(ErrorKind.UNAVAILABLE));
    StorageException refused = new StorageException(new ConnectException("Connection refused"));
    assertThat(refused.getCode()).isZero();
    assertThatThrownBy(() -> GcsErrors.map(refused, "read", PATH, SETTINGS))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(ErrorKind.UNAVAILABLE))
        .hasMessageContaining("cannot reach Google Cloud Storage")
        .hasMessageContaining("connection refused")
        .hasMessageNotContaining("java.");
  }

  @Test
  void otherServerErrorsAreRetryableIoErrorsAndCountAsAmbiguousForCreates() {
    StorageException e = new StorageException(500, "backendError");
    assertThat(GcsErrors.map(e, "write", PATH, SETTINGS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write gs://lake-bucket/lake/x.parquet: 500");
    assertThat(GcsErrors.isAmbiguous(e)).isTrue();
    assertThat(GcsErrors.isAmbiguous(new StorageException(0, "reset"))).isTrue();
    assertThat(GcsErrors.isAmbiguous(new StorageException(400, "invalid"))).isFalse();
    assertThat(GcsErrors.isAmbiguous(new StorageException(403, "forbidden"))).isFalse();
  }

  @Test
  void theClientsExceptionIsFoundInsideAnIoException() {
    IOException wrapped =
        new IOException("read failed", new StorageException(404, "No such object"));
    assertThat(GcsErrors.map(wrapped, "read", PATH, SETTINGS))
        .isInstanceOf(NoSuchFileException.class);
  }
}
