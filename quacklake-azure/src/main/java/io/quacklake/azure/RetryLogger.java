package io.quacklake.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Logs each retried request at info (the SDK retries transient failures on its own, invisibly
 * otherwise). It runs once per attempt and counts attempts in the call's context; it logs the path
 * only, never the query, which may carry a SAS token.
 */
final class RetryLogger implements HttpPipelinePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(RetryLogger.class);
  private static final String ATTEMPT = "quacklake-attempt";

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    attempt(context);
    return next.process();
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    attempt(context);
    return next.processSync();
  }

  /** Counts this attempt; returns its number (1 for the first). */
  static int attempt(HttpPipelineCallContext context) {
    int attempt = (Integer) context.getData(ATTEMPT).orElse(0) + 1;
    context.setData(ATTEMPT, attempt);
    if (attempt > 1) {
      LOG.info(
          "Azure {} {} retried (attempt {})",
          context.getHttpRequest().getHttpMethod(),
          context.getHttpRequest().getUrl().getPath(),
          attempt);
    }
    return attempt;
  }
}
