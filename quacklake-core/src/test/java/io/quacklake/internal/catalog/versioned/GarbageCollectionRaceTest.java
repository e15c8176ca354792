package io.quacklake.internal.catalog.versioned;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.CatalogGarbageReport;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage collection running again and again while writers commit (often putting back a block
 * content an older version had, so the store already holds that block, maybe about to be deleted)
 * and a restorer republishes recent versions: afterwards every stored version still assembles.
 * Seeded; the interleaving varies with the machine, so the second test forces the one that matters.
 */
class GarbageCollectionRaceTest {
  private static final long SEED = 20240612L;
  private static final Duration RUN = Duration.ofSeconds(3);
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofMillis(200);
  private static final int BLOCKS = 4;
  private static final int POOL = 16;

  @TempDir Path temp;

  @Test
  void everyPublishedVersionStillAssemblesAfterCollectionsRanAlongside() throws Exception {
    CountingStore store = new CountingStore(3);
    Location root = Location.directory(temp.resolve("lake").toUri().toString());
    CatalogLayout layout = new CatalogLayout(root);
    Random seeds = new Random(SEED);
    byte[][] pool = new byte[POOL][];
    for (int i = 0; i < POOL; i++) {
      pool[i] = fresh(seeds);
    }
    Path first = temp.resolve("first");
    Files.write(first, concat(Arrays.copyOf(pool, BLOCKS)));
    VersionedCatalog.create(store, root, first);
    plantOld(store, layout, pool);

    long deadline = System.nanoTime() + RUN.toNanos();
    AtomicInteger commits = new AtomicInteger();
    AtomicInteger restores = new AtomicInteger();
    AtomicInteger collections = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      long seed = seeds.nextLong();
      running.add(
          threads.submit(
              () -> {
                Random random = new Random(seed);
                try (VersionedCatalog c = VersionedCatalog.open(store, root)) {
                  while (System.nanoTime() < deadline) {
                    c.refresh();
                    Path work = c.prepareWrite();
                    byte[] content =
                        random.nextInt(4) == 0 ? fresh(random) : pool[random.nextInt(POOL)];
                    write(work, random.nextInt(BLOCKS), content);
                    if (c.publish(work, 0) == VersionedCatalog.Published.PUBLISHED) {
                      commits.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    long restorerSeed = seeds.nextLong();
    running.add(
        threads.submit(
            () -> {
              Random random = new Random(restorerSeed);
              try (VersionedCatalog c = VersionedCatalog.open(store, root)) {
                while (System.nanoTime() < deadline) {
                  c.refresh();
                  long n = Math.max(1, c.manifest().version() - 1 - random.nextInt(6));
                  try {
                    c.restore(n);
                    restores.incrementAndGet();
                  } catch (QuacklakeException e) {
                    // collected meanwhile, or another writer published first
                    assertThat(e.kind())
                        .as("restore %d: %s", n, e.getMessage())
                        .isIn(ErrorKind.NOT_FOUND, ErrorKind.CONFLICT, ErrorKind.CORRUPT);
                    if (e.kind() == ErrorKind.CORRUPT) {
                      assertThat(e.getMessage()).contains("missing from the store");
                    }
                  }
                  // paced like the collector: back to back, restores (a refresh and one manifest)
                  // win every race against the writers' longer commits and starve them
                  Thread.sleep(random.nextInt(20));
                }
              }
              return null;
            }));
    long collectorSeed = seeds.nextLong();
    running.add(
        threads.submit(
            () -> {
              Random random = new Random(collectorSeed);
              try (VersionedCatalog c = VersionedCatalog.open(store, root)) {
                while (System.nanoTime() < deadline) {
                  plantOld(store, layout, pool);
                  c.collectGarbage(RETENTION, GRACE, Instant.now());
                  collections.incrementAndGet();
                  Thread.sleep(random.nextInt(20));
                }
              }
              return null;
            }));
    threads.shutdown();
    for (Future<?> f : running) {
      f.get(RUN.toSeconds() + 60, TimeUnit.SECONDS);
    }

    String run =
        String.format(
            "seed %d: %d commits, %d restores, %d collections",
            SEED, commits.get(), restores.get(), collections.get());
    System.out.println("garbage collection race, " + run);
    assertThat(commits.get()).as(run).isPositive();
    assertThat(restores.get()).as(run).isPositive();
    assertThat(collections.get()).as(run).isGreaterThan(2);
    Versions versions = new Versions(store, layout);
    Path cache = Files.createDirectory(temp.resolve("check"));
    Blocks blocks = new Blocks(store, layout, cache);
    List<Long> stored = versions.listed();
    assertThat(stored).as(run).isNotEmpty();
    for (long v : stored) {
      blocks.assemble(versions.read(v), cache.resolve("v" + v));
    }
    assertThat(new GcMarkers(store, layout).live()).as(run).isEmpty();
    assertThat(store.list(layout.pins())).as(run).isEmpty();
  }

  /**
   * Puts back, an hour old, every pool block the store lacks: blocks of long-expired versions that
   * a commit may put back while a collection is about to delete them.
   */
  private static void plantOld(CountingStore store, CatalogLayout layout, byte[][] pool)
      throws IOException {
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    for (byte[] content : pool) {
      Location block = layout.block(Blocks.hex(Blocks.sha256().digest(content)));
      if (store.createIfAbsent(block, content) == CreateOutcome.CREATED) {
        Files.setLastModifiedTime(block.toLocalPath(), old);
      }
    }
  }

  @Test
  void aCommitThatPutsBackAnOldBlockWhileACollectionDecidesKeepsIt() throws Exception {
    CountingStore store = new CountingStore(0);
    Location root = Location.directory(temp.resolve("lake").toUri().toString());
    Random random = new Random(SEED);
    byte[][] old = {fresh(random), fresh(random)};
    Path first = temp.resolve("first");
    Files.write(first, concat(old));
    VersionedCatalog.create(store, root, first);
    try (Stream<Path> blocks = Files.list(temp.resolve("lake/catalog/blocks"))) {
      for (Path block : blocks.toList()) {
        Files.setLastModifiedTime(block, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
      }
    }
    try (VersionedCatalog writer = VersionedCatalog.open(store, root);
        VersionedCatalog collector = VersionedCatalog.open(store, root)) {
      for (int block = 0; block < 2; block++) {
        Path work = writer.prepareWrite();
        write(work, block, fresh(random));
        assertThat(writer.publish(work, 0)).isEqualTo(VersionedCatalog.Published.PUBLISHED);
      }
      // version 3 lists neither old block; the collection decides to delete both, and just then
      // a commit puts the first one's content back
      ExecutorService thread = Executors.newSingleThreadExecutor();
      CountDownLatch deciding = new CountDownLatch(1);
      CountDownLatch published = new CountDownLatch(1);
      Future<Long> commit =
          thread.submit(
              () -> {
                deciding.await();
                Path work = writer.prepareWrite();
                write(work, 0, old[0]);
                assertThat(writer.publish(work, 0)).isEqualTo(VersionedCatalog.Published.PUBLISHED);
                published.countDown();
                return writer.manifest().version();
              });
      store.beforeBlockListing =
          () -> {
            deciding.countDown();
            try {
              published.await(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          };
      CatalogGarbageReport report =
          collector.collectGarbage(Duration.ZERO, Duration.ofMinutes(1), Instant.now());
      long version = commit.get(30, TimeUnit.SECONDS);
      thread.shutdown();

      assertThat(version).isEqualTo(4);
      assertThat(report.versionsDeleted()).isEqualTo(2);
      assertThat(writer.missingBlocks()).isEmpty();
      CatalogLayout layout = new CatalogLayout(root);
      Path check = Files.createDirectory(temp.resolve("check"));
      new Blocks(store, layout, check)
          .assemble(new Versions(store, layout).read(4), check.resolve("v4"));
      assertThat(Files.readAllBytes(check.resolve("v4"))).startsWith(old[0]);
    }
  }

  private static byte[] fresh(Random random) {
    byte[] block = new byte[VersionedCatalog.BLOCK_SIZE];
    random.nextBytes(block);
    return block;
  }

  private static void write(Path file, int block, byte[] content) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(content), (long) block * VersionedCatalog.BLOCK_SIZE);
    }
  }

  private static byte[] concat(byte[][] parts) {
    byte[] out = new byte[parts.length * VersionedCatalog.BLOCK_SIZE];
    for (int i = 0; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, out, i * VersionedCatalog.BLOCK_SIZE, parts[i].length);
    }
    return out;
  }
}
