package io.quacklake.internal.parquet.crypto;

import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recently decrypted files, shared by everything that reads one file at about the same time (the
 * row-group readers of a parallel scan, split planning and the splits): a file is downloaded and
 * decrypted once while others wait for it, and kept up to 256 MB in all, least recently used
 * dropped first. One per object store (so per open lake: a lake opened again reads its files
 * afresh), keyed by location, size and key (files are immutable and get a new key each).
 */
final class PlainCopies {
  private static final long LIMIT_BYTES = 256L << 20;
  private static final Map<ObjectStore, PlainCopies> BY_STORE = new WeakHashMap<>();
  private final Map<String, CompletableFuture<EncryptedParquet.Plain>> loading =
      new ConcurrentHashMap<>();
  private final LinkedHashMap<String, EncryptedParquet.Plain> kept =
      new LinkedHashMap<>(16, 0.75f, true);
  private long keptBytes;

  private PlainCopies() {}

  /** The copies of files read through {@code store}. */
  static PlainCopies of(ObjectStore store) {
    synchronized (BY_STORE) {
      return BY_STORE.computeIfAbsent(store, s -> new PlainCopies());
    }
  }

  /** How a file is read and decrypted. */
  @FunctionalInterface
  interface Loader {
    EncryptedParquet.Plain load() throws IOException;
  }

  EncryptedParquet.Plain get(String id, Loader loader) throws IOException {
    synchronized (kept) {
      EncryptedParquet.Plain copy = kept.get(id);
      if (copy != null) {
        return copy;
      }
    }
    CompletableFuture<EncryptedParquet.Plain> mine = new CompletableFuture<>();
    CompletableFuture<EncryptedParquet.Plain> running = loading.putIfAbsent(id, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw rethrow(e.getCause());
      }
    }
    try {
      EncryptedParquet.Plain plain = loader.load();
      keep(id, plain);
      mine.complete(plain);
      return plain;
    } catch (IOException | RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      loading.remove(id, mine);
    }
  }

  private void keep(String id, EncryptedParquet.Plain plain) {
    synchronized (kept) {
      if (plain.length() > LIMIT_BYTES || kept.containsKey(id)) {
        return;
      }
      kept.put(id, plain);
      keptBytes += plain.length();
      var oldest = kept.entrySet().iterator();
      while (keptBytes > LIMIT_BYTES && oldest.hasNext()) {
        keptBytes -= oldest.next().getValue().length();
        oldest.remove();
      }
    }
  }

  private static IOException rethrow(Throwable t) throws IOException {
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new UncheckedIOException(new IOException(t));
  }
}
