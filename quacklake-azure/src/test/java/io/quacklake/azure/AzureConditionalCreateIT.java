package io.quacklake.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.quacklake.Lake;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ConditionalWriteProbe;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.Location;
import io.quacklake.testkit.AzuriteProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The ground the object-store catalog stands on: Azurite enforces {@code If-None-Match: *}
 * atomically (raw requests, no SDK retries, 32 racers a round, exactly one winner whose bytes are
 * stored), the conditional-write probe passes on it, and it refuses a store whose creates reach the
 * server without the condition.
 */
class AzureConditionalCreateIT {
  private static final int RACERS = 32;
  private static final int ROUNDS = 10;

  @Test
  void azuriteLetsExactlyOneOf32RacingConditionalCreatesWin() throws Exception {
    AzureTestServer server = AzureTestServer.get();
    String container = server.newContainer();
    BlobContainerClient client =
        new BlobServiceClientBuilder()
            .endpoint(server.process.endpoint().toString())
            .credential(new StorageSharedKeyCredential(AzuriteProcess.ACCOUNT, AzuriteProcess.KEY))
            .httpClient(new JdkHttpClientBuilder().build())
            .retryOptions(
                new RequestRetryOptions(
                    RetryPolicyType.FIXED, 1, (Duration) null, null, null, null))
            .buildClient()
            .getBlobContainerClient(container);
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String name = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
          byte[] content = ("racer " + i).getBytes(StandardCharsets.UTF_8);
          racers.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      return client
                          .getBlobClient(name)
                          .getBlockBlobClient()
                          .uploadWithResponse(
                              new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(content))
                                  .setRequestConditions(
                                      new BlobRequestConditions().setIfNoneMatch("*")),
                              null,
                              Context.NONE)
                          .getStatusCode();
                    } catch (BlobStorageException e) {
                      assertThat(e.getErrorCode()).isEqualTo(BlobErrorCode.BLOB_ALREADY_EXISTS);
                      return e.getStatusCode();
                    }
                  }));
        }
        start.countDown();
        int winner = -1;
        int wins = 0;
        for (int i = 0; i < RACERS; i++) {
          int status = racers.get(i).get();
          if (status == 201) {
            wins++;
            winner = i;
          } else {
            assertThat(status).as("round %d racer %d", round, i).isEqualTo(409);
          }
        }
        assertThat(wins).as("round %d", round).isEqualTo(1);
        assertThat(client.getBlobClient(name).downloadContent().toString())
            .isEqualTo("racer " + winner);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void probePassesOnAzurite() {
    AzureTestServer server = AzureTestServer.get();
    try (AzureObjectStore store = new AzureObjectStore(server.settings())) {
      ConditionalWriteProbe.verify(
          store, Location.directory("az://" + server.newContainer() + "/probe"));
    }
  }

  @Test
  void aStoreWhoseServerIgnoresTheConditionIsRefused() {
    AzureTestServer server = AzureTestServer.get();
    String location = "az://" + server.newContainer() + "/lake";
    try (AzureObjectStore store =
        new AzureObjectStore(server.settings(), List.of(new DropIfNoneMatch()))) {
      assertThatThrownBy(() -> ConditionalWriteProbe.verify(store, Location.directory(location)))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("does not enforce conditional creates");
    }
    ObjectStores.decorate(
        store ->
            store instanceof AzureObjectStore
                ? new AzureObjectStore(server.settings(), List.of(new DropIfNoneMatch()))
                : store);
    try {
      assertThatThrownBy(() -> Lake.create(location, null))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("does not enforce conditional creates")
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNSUPPORTED));
    } finally {
      ObjectStores.decorate(UnaryOperator.identity());
    }
  }

  /**
   * Removes {@code If-None-Match} before the request is signed, as a server or proxy that ignores
   * the condition would: every create then overwrites.
   */
  private static final class DropIfNoneMatch implements HttpPipelinePolicy {
    @Override
    public Mono<HttpResponse> process(
        HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      context.getHttpRequest().getHeaders().remove(HttpHeaderName.IF_NONE_MATCH);
      return next.process();
    }

    @Override
    public HttpResponse processSync(
        HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      context.getHttpRequest().getHeaders().remove(HttpHeaderName.IF_NONE_MATCH);
      return next.processSync();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return HttpPipelinePosition.PER_CALL;
    }
  }
}
