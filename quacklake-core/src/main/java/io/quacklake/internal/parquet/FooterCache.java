package io.quacklake.internal.parquet;

import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Parsed footers of recently read data files, so a lake scanning the same files again neither
 * fetches nor parses their footers again. One per object store (so per open lake), keyed by
 * location and the size the catalog recorded: data files are immutable (DuckLake names each one
 * once), and a file written again under the same name with another size is a different entry; a
 * file changed in place keeps being read with the footer first read. Bounded by an estimate of the
 * footers' heap (column chunks, their statistics, key-value metadata), least recently used dropped
 * first. Thread-safe.
 */
public final class FooterCache {
  /** Estimated heap of parsed footers kept per lake. */
  static final long DEFAULT_LIMIT_BYTES = 64L << 20;

  /** Estimated heap of one column chunk's metadata besides its statistics' values. */
  private static final long CHUNK_BYTES = 400;

  private static final Map<ObjectStore, FooterCache> BY_STORE = new WeakHashMap<>();
  private final long limitBytes;
  private final LinkedHashMap<Key, ParquetMetadata> kept = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<Key, Long> weights = new HashMap<>();
  private long keptBytes;

  FooterCache(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  /** The footers of files read through {@code store}. */
  public static FooterCache of(ObjectStore store) {
    synchronized (BY_STORE) {
      return BY_STORE.computeIfAbsent(store, s -> new FooterCache(DEFAULT_LIMIT_BYTES));
    }
  }

  /** A file as the catalog names it: where it is and how long it is. */
  private record Key(String location, long size) {}

  /** The footer read before for the file, or null; null also when its size is unknown (0 or -1). */
  ParquetMetadata get(Location location, long size) {
    if (size <= 0) {
      return null;
    }
    synchronized (kept) {
      return kept.get(new Key(location.value(), size));
    }
  }

  /** Keeps a footer just read and checked; ignored when the file's size is unknown. */
  void put(Location location, long size, ParquetMetadata footer) {
    if (size <= 0) {
      return;
    }
    long weight = weight(footer);
    if (weight > limitBytes) {
      return;
    }
    Key key = new Key(location.value(), size);
    synchronized (kept) {
      if (kept.putIfAbsent(key, footer) != null) {
        return;
      }
      weights.put(key, weight);
      keptBytes += weight;
      var oldest = kept.keySet().iterator();
      while (keptBytes > limitBytes && oldest.hasNext()) {
        keptBytes -= weights.remove(oldest.next());
        oldest.remove();
      }
    }
  }

  /** How many footers are kept. */
  int size() {
    synchronized (kept) {
      return kept.size();
    }
  }

  /** About how much heap a parsed footer holds. */
  static long weight(ParquetMetadata footer) {
    long n = 1024;
    for (Map.Entry<String, String> e : footer.getFileMetaData().getKeyValueMetaData().entrySet()) {
      n += 2L * (e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length()));
    }
    for (BlockMetaData block : footer.getBlocks()) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        n += CHUNK_BYTES;
        Statistics<?> stats = chunk.getStatistics();
        if (stats != null && stats.hasNonNullValue()) {
          n += stats.getMinBytes().length + stats.getMaxBytes().length;
        }
      }
    }
    return n;
  }
}
