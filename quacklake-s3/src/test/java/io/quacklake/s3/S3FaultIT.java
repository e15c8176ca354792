package io.quacklake.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.testkit.concurrency.Ack;
import io.quacklake.testkit.concurrency.FaultInjectingStore;
import io.quacklake.testkit.concurrency.LakeAuditor;
import io.quacklake.testkit.concurrency.WriterWorkload;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data on S3 through a store that fails, stalls and answers ambiguously on any request: every
 * commit either completes or leaves the lake exactly as it was (same snapshots, same rows), and at
 * the end the lake holds exactly what the acknowledged commits put there.
 */
class S3FaultIT {
  @TempDir Path temp;

  @Test
  void everyCommitCompletesOrLeavesTheLakeAsItWas() {
    S3TestServer server = S3TestServer.get();
    String catalog = "sqlite:" + temp.resolve("catalog.sqlite");
    String data = "s3://" + server.newBucket() + "/data/";
    try (Lake lake = Lake.create(catalog, data)) {
      lake.createTable(
          WriterWorkload.TABLE,
          ColumnDefinitions.parse("id BIGINT, writer INTEGER, payload VARCHAR"));
    }
    long seed = System.nanoTime();
    ObjectStores.decorate(store -> new FaultInjectingStore(store, seed, 0.04, true));
    List<Ack> acks = new ArrayList<>();
    int failed = 0;
    Random random = new Random(seed);
    try (Lake lake = Lake.open(catalog)) {
      long next = 0;
      for (int i = 0; i < 40; i++) {
        long before = lake.currentSnapshot().id();
        long rowsBefore = lake.table(WriterWorkload.TABLE).scan().count();
        boolean append = next == 0 || random.nextInt(3) > 0;
        long first = append ? next : random.nextLong(next);
        long last = append ? next + 49 + random.nextInt(400) : first + random.nextInt(40);
        try (Transaction tx = lake.begin()) {
          long count = last - first + 1;
          if (append) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (long id = first; id <= last; id++) {
              rows.add(Map.of("id", id, "writer", 1, "payload", "p" + id));
            }
            tx.insert(WriterWorkload.TABLE, rows);
          } else {
            count = tx.delete(WriterWorkload.TABLE, "id BETWEEN " + first + " AND " + last);
          }
          Snapshot s = tx.commit();
          if (s.id() != before) {
            acks.add(new Ack(s.id(), append ? 'A' : 'D', first, last, count));
          } else {
            assertThat(count).as("an empty transaction makes no snapshot").isZero();
          }
          if (append) {
            next = last + 1;
          }
        } catch (RuntimeException e) {
          if (e instanceof QuacklakeException q) {
            assertThat(q.kind()).as("seed %d: %s", seed, e).isNotEqualTo(ErrorKind.CORRUPT);
            assertThat(q.kind()).isNotEqualTo(ErrorKind.COMMIT_STATE_UNKNOWN);
          }
          failed++;
          assertThat(lake.currentSnapshot().id()).as("seed %d", seed).isEqualTo(before);
          assertThat(lake.table(WriterWorkload.TABLE).scan().count()).isEqualTo(rowsBefore);
          if (append) {
            next = last + 1;
          }
        }
      }
    } finally {
      ObjectStores.decorate(UnaryOperator.identity());
    }
    System.out.printf(
        "S3FaultIT (seed %d): %d commits acknowledged, %d failed cleanly%n",
        seed, acks.size(), failed);
    assertThat(acks).hasSizeGreaterThan(5);
    assertThat(LakeAuditor.audit(catalog, "jdbc:" + catalog, null, acks, Set.of()))
        .as("seed %d", seed)
        .isEmpty();
  }
}
