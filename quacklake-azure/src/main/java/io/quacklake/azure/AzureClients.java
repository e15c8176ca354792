package io.quacklake.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.quacklake.exceptions.QuacklakeException;
import java.time.Duration;
import java.util.List;

/**
 * Builds the SDK client for one blob endpoint: the JDK's HTTP client (no Netty beside Arrow's), the
 * SDK's exponential retries of timeouts, throttling and server errors, Shared Key signing with an
 * account key, else a SAS token, else anonymous requests.
 */
final class AzureClients {
  /** One HTTP client for the process: the JDK's cannot be closed before Java 21, so share it. */
  private static final HttpClient HTTP =
      new JdkHttpClientBuilder()
          .connectionTimeout(Duration.ofSeconds(10))
          .responseTimeout(Duration.ofSeconds(60))
          .readTimeout(Duration.ofSeconds(60))
          .build();

  private AzureClients() {}

  static BlobServiceClient create(
      AzureSettings s, String endpoint, List<HttpPipelinePolicy> extraPolicies) {
    BlobServiceClientBuilder builder =
        new BlobServiceClientBuilder()
            .endpoint(endpoint)
            .httpClient(HTTP)
            .retryOptions(
                new RequestRetryOptions(
                    RetryPolicyType.EXPONENTIAL,
                    4,
                    (Duration) null,
                    Duration.ofMillis(200),
                    Duration.ofSeconds(4),
                    null))
            .addPolicy(new RetryLogger());
    extraPolicies.forEach(builder::addPolicy);
    if (s.accountKey() != null) {
      if (s.accountName() == null) {
        throw QuacklakeException.invalid(
            "an Azure account key needs its account name: set azure.account-name /"
                + " AZURE_STORAGE_ACCOUNT, or use a connection string");
      }
      builder.credential(new StorageSharedKeyCredential(s.accountName(), s.accountKey()));
    } else if (s.sasToken() != null) {
      builder.sasToken(s.sasToken());
    }
    return builder.buildClient();
  }
}
