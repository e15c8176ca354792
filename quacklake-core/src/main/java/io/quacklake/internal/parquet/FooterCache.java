package io.quacklake.internal.parquet;

import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Parsed footers of recently read data files, so a lake scanning the same files again neither
 * fetches nor parses their footers again. One per object store (so per open lake), keyed by
 * location and the size the catalog recorded: data files are immutable, and a file written again
 * under the same name with another size is a different entry. Bounded by column chunks (about half
 * a kilobyte of heap each), least recently used dropped first. Thread-safe.
 */
public final class FooterCache {
  /** About 50 MB of parsed metadata per lake. */
  static final long DEFAULT_LIMIT_CHUNKS = 100_000;

  private static final Map<ObjectStore, FooterCache> BY_STORE = new WeakHashMap<>();
  private final long limitChunks;
  private final LinkedHashMap<Key, ParquetMetadata> kept = new LinkedHashMap<>(16, 0.75f, true);
  private long keptChunks;

  FooterCache(long limitChunks) {
    this.limitChunks = limitChunks;
  }

  /** The footers of files read through {@code store}. */
  public static FooterCache of(ObjectStore store) {
    synchronized (BY_STORE) {
      return BY_STORE.computeIfAbsent(store, s -> new FooterCache(DEFAULT_LIMIT_CHUNKS));
    }
  }

  /** A file as the catalog names it: where it is and how long it is. */
  record Key(String location, long size) {}

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
    long chunks = chunks(footer);
    if (size <= 0 || chunks > limitChunks) {
      return;
    }
    synchronized (kept) {
      if (kept.putIfAbsent(new Key(location.value(), size), footer) != null) {
        return;
      }
      keptChunks += chunks;
      var oldest = kept.entrySet().iterator();
      while (keptChunks > limitChunks && oldest.hasNext()) {
        keptChunks -= chunks(oldest.next().getValue());
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

  private static long chunks(ParquetMetadata footer) {
    long n = 1;
    for (BlockMetaData block : footer.getBlocks()) {
      n += block.getColumns().size();
    }
    return n;
  }
}
