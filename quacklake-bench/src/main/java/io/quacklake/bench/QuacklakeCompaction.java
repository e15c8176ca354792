package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.Transaction;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The small-append maintenance workload in Quacklake on the embedded default: a SQLite catalog and
 * local files, default options (inlining up to 10 rows, so every 100-row append writes a file).
 */
final class QuacklakeCompaction {
  private QuacklakeCompaction() {}

  static Compaction measure(Path dir, int iterations) {
    Path catalogFile = dir.resolve("catalog.sqlite");
    Path data = dir.resolve("data");
    String catalog = "sqlite:" + catalogFile;
    double appendSeconds;
    try (BufferAllocator allocator = new RootAllocator();
        Lake lake = Lake.create(catalog, data.toString())) {
      lake.createTable(SmallAppends.TABLE, SmallAppends.COLUMNS);
      long start = System.nanoTime();
      for (int i = 0; i < SmallAppends.APPENDS; i++) {
        try (VectorSchemaRoot batch = SmallAppends.batch(allocator, i);
            Transaction tx = lake.begin()) {
          tx.append(SmallAppends.TABLE, batch);
          tx.commit();
        }
      }
      appendSeconds = (System.nanoTime() - start) / 1e9;
    }
    long dataAppended = DirectorySize.of(data);
    long catalogBefore = DirectorySize.withLog(catalogFile);
    long filesBefore;
    Timing before;
    double checkpointSeconds;
    long filesAfter;
    Timing after;
    long dataCheckpointed;
    try (Lake lake = Lake.open(catalog)) {
      filesBefore = files(lake);
      before = Timing.of(1, iterations, () -> scan(lake));
      long start = System.nanoTime();
      lake.maintenance().checkpoint();
      checkpointSeconds = (System.nanoTime() - start) / 1e9;
      filesAfter = files(lake);
      after = Timing.of(1, iterations, () -> scan(lake));
      dataCheckpointed = DirectorySize.of(data);
      lake.maintenance().expireSnapshots(Instant.now(), false);
      lake.maintenance().cleanupOldFiles(true, false);
    }
    return new Compaction(
        appendSeconds,
        filesBefore,
        before,
        checkpointSeconds,
        filesAfter,
        after,
        dataAppended,
        dataCheckpointed,
        DirectorySize.of(data),
        catalogBefore,
        DirectorySize.withLog(catalogFile));
  }

  private static long files(Lake lake) {
    return lake.table(SmallAppends.TABLE).scan().planFiles().size();
  }

  /** Reads every id and checks their sum. */
  private static void scan(Lake lake) {
    long sum = 0;
    try (ScanReader r = lake.table(SmallAppends.TABLE).scan().select("id").arrow()) {
      while (r.loadNextBatch()) {
        BigIntVector id = (BigIntVector) r.getVectorSchemaRoot().getVector(0);
        for (int i = 0; i < id.getValueCount(); i++) {
          sum += id.get(i);
        }
      }
    }
    if (sum != SmallAppends.expectedSum()) {
      throw new IllegalStateException(
          "maintenance: Quacklake scan summed ids to "
              + sum
              + ", expected "
              + SmallAppends.expectedSum());
    }
  }
}
