package io.quacklake.cli;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

/**
 * Decodes input on a thread of its own, up to two batches ahead of the consumer, so that decoding
 * the input and writing the lake use both cores. Each batch is copied out of the decoder's reused
 * root; a failure on either side stops both and reaches the caller.
 */
final class ReadAhead {
  private static final Object END = new Object();

  private ReadAhead() {}

  /** The decoder: hands every batch it reads to the given sink, then returns. */
  @FunctionalInterface
  interface Source {
    void read(Consumer<VectorSchemaRoot> sink);
  }

  static void run(BufferAllocator allocator, Source source, Consumer<VectorSchemaRoot> consumer) {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    Thread decoder =
        new Thread(
            () -> {
              Object last = END;
              try {
                source.read(batch -> put(queue, copy(batch, allocator)));
              } catch (Throwable t) {
                last = t;
              }
              try {
                queue.put(last);
              } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
              }
            },
            "quacklake-input");
    decoder.setDaemon(true);
    decoder.start();
    try {
      while (true) {
        Object item = queue.take();
        if (item == END) {
          return;
        }
        if (item instanceof Throwable t) {
          throw rethrow(t);
        }
        try (VectorSchemaRoot batch = (VectorSchemaRoot) item) {
          consumer.accept(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuacklakeException(ErrorKind.UNAVAILABLE, "reading the input was interrupted", e);
    } finally {
      decoder.interrupt();
      drain(queue);
      try {
        decoder.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      drain(queue);
    }
  }

  private static VectorSchemaRoot copy(VectorSchemaRoot batch, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(batch.getSchema(), allocator);
    try {
      copy.allocateNew();
      VectorSchemaRootAppender.append(false, copy, batch);
      return copy;
    } catch (RuntimeException | Error e) {
      copy.close();
      throw e;
    }
  }

  private static void put(BlockingQueue<Object> queue, VectorSchemaRoot batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      batch.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the consumer stopped");
    }
  }

  private static void drain(BlockingQueue<Object> queue) {
    Object item;
    while ((item = queue.poll()) != null) {
      if (item instanceof VectorSchemaRoot batch) {
        batch.close();
      }
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new QuacklakeException(ErrorKind.INTERNAL, "reading the input failed: " + t, t);
  }
}
