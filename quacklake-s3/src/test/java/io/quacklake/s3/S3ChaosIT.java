package io.quacklake.s3;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.testkit.concurrency.ChaosRun;
import io.quacklake.testkit.concurrency.WriterWorkload;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-infrastructure promise on a real S3 server: 8 writer processes share one lake whose
 * catalog and data live in a bucket, with a store that fails, stalls and answers ambiguously on
 * catalog requests, and one writer killed with SIGKILL. Longer: {@code -Dquacklake.soak.seconds=N}.
 */
class S3ChaosIT {
  private static final long SECONDS = Long.getLong("quacklake.soak.seconds", 40);

  @TempDir Path temp;

  @Test
  void eightFaultyProcessesOnOneBucketLoseNothing() throws Exception {
    S3TestServer server = S3TestServer.get();
    String catalog = "s3://" + server.newBucket() + "/chaos";
    try (Lake lake = Lake.create(catalog, null)) {
      lake.createTable(
          WriterWorkload.TABLE,
          ColumnDefinitions.parse("id BIGINT, writer INTEGER, payload VARCHAR"));
    }
    ChaosRun run = new ChaosRun(catalog, temp, server.environment());
    int acks = run.run(8, SECONDS, 0.02);
    System.out.printf(
        "S3ChaosIT: 8 faulty processes (1 killed) on S3Proxy, %d acknowledged commits in %d s"
            + " (%.1f/s)%n",
        acks, SECONDS, acks / (double) SECONDS);
    run.assertProgress(8, Set.of(1));
    run.audit(8, Set.of(1), null, LakeOptions.defaults());
  }
}
