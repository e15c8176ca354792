package io.quacklake.azure;

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
 * The zero-infrastructure promise on Azurite: 4 writer processes share one lake whose catalog and
 * data live in a container, with a store that fails, stalls and answers ambiguously on catalog
 * requests, and one writer killed with SIGKILL. Longer: {@code -Dquacklake.soak.seconds=N}.
 */
class AzureChaosIT {
  private static final long SECONDS = Long.getLong("quacklake.soak.seconds", 20);
  private static final int WRITERS = 4;

  @TempDir Path temp;

  @Test
  void fourFaultyProcessesOnOneContainerLoseNothing() throws Exception {
    AzureTestServer server = AzureTestServer.get();
    String catalog = "az://" + server.newContainer() + "/chaos";
    try (Lake lake = Lake.create(catalog, null)) {
      lake.createTable(
          WriterWorkload.TABLE,
          ColumnDefinitions.parse("id BIGINT, writer INTEGER, payload VARCHAR"));
    }
    ChaosRun run = new ChaosRun(catalog, temp, server.environment());
    int acks = run.run(WRITERS, SECONDS, 0.02);
    System.out.printf(
        "AzureChaosIT: %d faulty processes (1 killed) on Azurite, %d acknowledged commits in %d s"
            + " (%.1f/s)%n",
        WRITERS, acks, SECONDS, acks / (double) SECONDS);
    run.assertProgress(WRITERS, Set.of(1));
    run.audit(WRITERS, Set.of(1), null, LakeOptions.defaults());
  }
}
