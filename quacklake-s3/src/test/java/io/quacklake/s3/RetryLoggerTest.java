package io.quacklake.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The attempt number of a request as the SDK's {@code amz-sdk-request} header states it. */
class RetryLoggerTest {
  @Test
  void attemptsAreReadFromTheSdkHeader() {
    assertThat(RetryLogger.attempt("attempt=1; max=4")).isEqualTo(1);
    assertThat(RetryLogger.attempt("ttl=20261206T111111Z; attempt=3; max=4")).isEqualTo(3);
    assertThat(RetryLogger.attempt("max=4")).isEqualTo(1);
    assertThat(RetryLogger.attempt("attempt=x")).isEqualTo(1);
  }
}
