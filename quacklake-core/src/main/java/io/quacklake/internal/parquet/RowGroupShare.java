package io.quacklake.internal.parquet;

import io.quacklake.storage.Location;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Lets several readers split one Parquet file by row group: the first reader to open the file
 * publishes its footer, later readers reuse it instead of reading it again, and each row group is
 * claimed by exactly one reader, in ascending order per reader. Given a {@link FooterCache}, the
 * footer of a file read before comes from there. Thread-safe.
 */
public final class RowGroupShare {
  private final AtomicInteger next;
  private final int end;
  private final CompletableFuture<ParquetMetadata> footer = new CompletableFuture<>();
  private final FooterCache footers;
  private final Location file;
  private final long size;

  /** Shares every row group of the file. */
  public RowGroupShare() {
    this(0, Integer.MAX_VALUE);
  }

  /** Shares row groups {@code from} to {@code to} (exclusive) only. */
  public RowGroupShare(int from, int to) {
    this(from, to, null, null, -1);
  }

  /**
   * As {@link #RowGroupShare(int, int)}, starting from the footer {@code footers} holds for the
   * file (readers then open it without reading the footer) and keeping the one the first reader
   * reads.
   *
   * @param size the file's size as the catalog records it; -1 (unknown) caches nothing
   */
  public RowGroupShare(int from, int to, FooterCache footers, Location file, long size) {
    this.next = new AtomicInteger(from);
    this.end = to;
    this.footers = footers;
    this.file = file;
    this.size = size;
    ParquetMetadata known = footers == null ? null : footers.get(file, size);
    if (known != null) {
      footer.complete(known);
    }
  }

  /** Claims the next unread row group index; it may be past the file's last row group. */
  int claim() {
    int index = next.getAndIncrement();
    return index < end ? index : Integer.MAX_VALUE;
  }

  void publish(ParquetMetadata metadata) {
    if (footer.complete(metadata) && footers != null) {
      footers.put(file, size, metadata);
    }
  }

  /** Tells readers waiting in {@link #awaitOpened} that the file could not be opened. */
  public void abandon() {
    footer.complete(null);
  }

  /**
   * Waits until the first reader has opened the file.
   *
   * @return false when the first reader failed or every row group is already claimed (a joining
   *     reader then has nothing to do)
   */
  public boolean awaitOpened() {
    ParquetMetadata metadata = footer.join();
    return metadata != null && next.get() < Math.min(end, metadata.getBlocks().size());
  }

  /** The footer the first reader published, or null before that. */
  ParquetMetadata footer() {
    return footer.getNow(null);
  }
}
