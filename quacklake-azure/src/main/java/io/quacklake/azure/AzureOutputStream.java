package io.quacklake.azure;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.quacklake.storage.Abortable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Writes a block blob as it streams: up to one block ({@value #BLOCK_SIZE} bytes) is buffered in
 * memory and sent without a copy; a small blob is one Put Blob on close, a larger one is staged
 * block by block as they fill and committed by one Put Block List on close. Nothing is visible
 * under the name until {@link #close()} succeeds. A failure or {@link #abort} commits nothing and
 * drops the buffer; Azure discards uncommitted blocks (after a week at most, or at the next commit
 * of that name). The stream is then done: a later close publishes nothing.
 */
final class AzureOutputStream extends OutputStream implements Abortable {
  static final int BLOCK_SIZE = 8 << 20;

  private final BlockBlobClient client;
  private final AzureLocation path;
  private final String endpoint;
  private final RequestCounter counter;

  /** Block ids of one upload share a random prefix and have one length, as Azure requires. */
  private final String idPrefix = UUID.randomUUID().toString();

  private final List<String> blocks = new ArrayList<>();
  private byte[] buffer = new byte[BLOCK_SIZE];
  private int filled;

  /** Closed, failed or aborted: nothing more is sent. */
  private boolean done;

  AzureOutputStream(
      BlockBlobClient client, AzureLocation path, String endpoint, RequestCounter counter) {
    this.client = client;
    this.path = path;
    this.endpoint = endpoint;
    this.counter = counter;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (done) {
      throw new IOException("upload of " + path + " is already closed, failed or aborted");
    }
    while (len > 0) {
      int n = Math.min(len, BLOCK_SIZE - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == BLOCK_SIZE) {
        stageBlock();
      }
    }
  }

  private void stageBlock() throws IOException {
    String id =
        Base64.getEncoder()
            .encodeToString(
                String.format("%s-%06d", idPrefix, blocks.size()).getBytes(StandardCharsets.UTF_8));
    try {
      counter.countPut();
      client.stageBlock(id, BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, filled)));
      blocks.add(id);
      filled = 0;
    } catch (RuntimeException e) {
      abort();
      throw AzureErrors.map(e, "upload", path, endpoint);
    }
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    try {
      if (blocks.isEmpty()) {
        counter.countPut();
        client.upload(BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, filled)), true);
        return;
      }
      if (filled > 0) {
        stageBlock();
      }
      counter.countOther();
      client.commitBlockList(blocks, true);
    } catch (RuntimeException e) {
      abort();
      throw AzureErrors.map(e, "write", path, endpoint);
    } finally {
      done = true;
      buffer = null;
    }
  }

  /**
   * Gives the upload up: staged blocks are never committed, so nothing appears; the buffer is
   * dropped. Azure has no call to drop uncommitted blocks; it discards them itself.
   */
  @Override
  public void abort() {
    done = true;
    buffer = null;
    blocks.clear();
  }
}
