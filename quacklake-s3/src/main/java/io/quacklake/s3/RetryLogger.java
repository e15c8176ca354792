package io.quacklake.s3;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Logs each retried S3 request at info (the SDK retries transient failures on its own, invisibly
 * otherwise): the attempt number comes from the {@code amz-sdk-request} header the SDK sets.
 */
final class RetryLogger implements ExecutionInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RetryLogger.class);

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    SdkHttpRequest request = context.httpRequest();
    List<String> header = request.headers().get("amz-sdk-request");
    if (header == null || header.isEmpty()) {
      return;
    }
    int attempt = attempt(header.get(0));
    if (attempt > 1) {
      LOG.info(
          "S3 {} {} retried (attempt {}: {})",
          request.method(),
          request.encodedPath(),
          attempt,
          header.get(0));
    }
  }

  /** The {@code attempt=N} of an {@code amz-sdk-request} value, 1 when absent. */
  static int attempt(String value) {
    for (String part : value.split(";")) {
      String p = part.trim();
      if (p.startsWith("attempt=")) {
        try {
          return Integer.parseInt(p.substring("attempt=".length()));
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
