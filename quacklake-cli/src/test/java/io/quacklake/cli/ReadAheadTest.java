package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Input read ahead arrives whole and in order, though the decoder reuses its batch; a failure on
 * either side stops both, reaches the caller, and leaves no Arrow memory behind.
 */
class ReadAheadTest {
  @Test
  void batchesArriveInOrderAsCopiesOfTheReusedRoot() {
    List<String> seen = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator()) {
      ReadAhead.run(
          allocator, sink -> produce(allocator, 20, sink, -1), b -> seen.add(describe(b)));
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    List<String> expected = new ArrayList<>();
    for (int b = 0; b < 20; b++) {
      expected.add(b * 1000 + ":" + (b * 1000 + 999) + ":s" + b);
    }
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void aDecoderFailureReachesTheCaller() {
    try (RootAllocator allocator = new RootAllocator()) {
      AtomicInteger consumed = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  ReadAhead.run(
                      allocator,
                      sink -> produce(allocator, 20, sink, 5),
                      b -> consumed.incrementAndGet()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad row in batch 5");
      assertThat(consumed.get()).isEqualTo(5);
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void aConsumerFailureStopsTheDecoder() {
    try (RootAllocator allocator = new RootAllocator()) {
      AtomicInteger produced = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  ReadAhead.run(
                      allocator,
                      sink ->
                          produce(
                              allocator,
                              10_000,
                              b -> {
                                produced.incrementAndGet();
                                sink.accept(b);
                              },
                              -1),
                      b -> {
                        throw new IllegalStateException("disk full");
                      }))
          .hasMessage("disk full");
      assertThat(produced.get()).as("the decoder stopped early").isLessThan(10);
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private static void produce(
      RootAllocator allocator,
      int batches,
      java.util.function.Consumer<VectorSchemaRoot> sink,
      int failAt) {
    try (BigIntVector id = new BigIntVector("id", allocator);
        VarCharVector s = new VarCharVector("s", allocator);
        VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, s))) {
      for (int b = 0; b < batches; b++) {
        if (b == failAt) {
          throw new IllegalArgumentException("bad row in batch " + b);
        }
        root.allocateNew();
        for (int i = 0; i < 1000; i++) {
          id.setSafe(i, b * 1000L + i);
          s.setSafe(i, ("s" + b).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        root.setRowCount(1000);
        sink.accept(root);
      }
    }
  }

  private static String describe(VectorSchemaRoot b) {
    BigIntVector id = (BigIntVector) b.getVector("id");
    return id.get(0) + ":" + id.get(b.getRowCount() - 1) + ":" + b.getVector("s").getObject(999);
  }
}
