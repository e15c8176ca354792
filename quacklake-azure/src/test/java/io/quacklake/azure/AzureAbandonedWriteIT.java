package io.quacklake.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.models.BlockList;
import com.azure.storage.blob.models.BlockListType;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.Location;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Writes given up after blocks were staged publish nothing: no blob under the name and no committed
 * block, whether the write was aborted or a block upload failed; the name stays free.
 */
class AzureAbandonedWriteIT {
  @Test
  void streamAbortedAfterABlockWasStagedLeavesNoBlobAndCommitsNothing() throws Exception {
    AzureTestServer server = AzureTestServer.get();
    Location location = Location.of("az://" + server.newContainer() + "/lake/t/big.bin");
    try (AzureObjectStore store = new AzureObjectStore(server.settings())) {
      OutputStream out = store.newOutputFile(location);
      out.write(new byte[AzureOutputStream.BLOCK_SIZE + 1000]);
      assertThat(store.requests().puts()).as("blocks staged").isOne();
      BlockList blocks = store.blockBlob(location).listBlocks(BlockListType.ALL);
      assertThat(blocks.getUncommittedBlocks()).hasSize(1);
      assertThat(blocks.getCommittedBlocks()).isEmpty();
      assertThat(Abortable.abort(out)).isTrue();
      out.close();
      assertThat(store.exists(location)).isFalse();
      assertThat(store.list(Location.directory(location.value().replace("t/big.bin", ""))))
          .isEmpty();
      try (OutputStream again = store.newOutputFile(location)) {
        again.write(new byte[] {7});
      }
      assertThat(store.newInputFile(location, -1).length()).isOne();
    }
  }

  @Test
  void closeAfterAFailedBlockUploadPublishesNothing() throws Exception {
    AzureTestServer server = AzureTestServer.get();
    Location location = Location.of("az://" + server.newContainer() + "/catalog/blocks/b1");
    try (AzureObjectStore failing =
            new AzureObjectStore(server.settings(), List.of(new FailBlockUploads()));
        AzureObjectStore store = new AzureObjectStore(server.settings())) {
      OutputStream out = failing.newOutputFile(location);
      byte[] block = new byte[AzureOutputStream.BLOCK_SIZE + 100];
      // as try-with-resources does: the write fails, then the stream is closed
      assertThatThrownBy(() -> out.write(block)).hasMessageContaining("injected block failure");
      out.close();
      assertThat(store.exists(location)).as("a partial blob was published").isFalse();
    }
  }

  /** Fails every Put Block request before it is sent. */
  private static final class FailBlockUploads implements HttpPipelinePolicy {
    private static boolean isPutBlock(HttpPipelineCallContext context) {
      String query = context.getHttpRequest().getUrl().getQuery();
      return query != null && List.of(query.split("&")).contains("comp=block");
    }

    @Override
    public Mono<HttpResponse> process(
        HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      return isPutBlock(context)
          ? Mono.error(new IllegalStateException("injected block failure"))
          : next.process();
    }

    @Override
    public HttpResponse processSync(
        HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      if (isPutBlock(context)) {
        throw new IllegalStateException("injected block failure");
      }
      return next.processSync();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return HttpPipelinePosition.PER_CALL;
    }
  }
}
