package io.quacklake.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK client: endpoint override and path-style access for S3-compatible servers,
 * explicit keys or the default credential chain, the SDK's standard retries with back-off, and
 * checksums only where S3 requires them (many compatible servers reject the newer trailing ones).
 */
final class S3Clients {
  private S3Clients() {}

  static S3Client create(S3Settings s) {
    var builder =
        S3Client.builder()
            .region(Region.of(s.region()))
            .forcePathStyle(s.pathStyle())
            .credentialsProvider(credentials(s))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(new RetryLogger()))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60)));
    if (s.endpoint() != null) {
      builder.endpointOverride(s.endpoint());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Settings s) {
    if (s.accessKeyId() == null || s.secretAccessKey() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        s.sessionToken() == null
            ? AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey())
            : AwsSessionCredentials.create(s.accessKeyId(), s.secretAccessKey(), s.sessionToken()));
  }
}
