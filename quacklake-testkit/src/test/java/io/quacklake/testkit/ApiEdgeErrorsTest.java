package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ColumnDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures at the API edge are {@link QuacklakeException}s with a kind: a transaction used after it
 * ended is INVALID_ARGUMENT, and a store failure while a transaction rewrites its own file is
 * UNAVAILABLE.
 */
class ApiEdgeErrorsTest {
  @TempDir Path temp;

  @AfterEach
  void undecorate() {
    ObjectStores.decorate(UnaryOperator.identity());
  }

  private Lake lake() {
    Lake lake = Lake.create("sqlite:" + temp.resolve("lake.sqlite"), temp.resolve("d").toString());
    lake.createTable("t", ColumnDefinitions.parse("id BIGINT"));
    return lake;
  }

  private static List<Map<String, Object>> rows(long from, long to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(Map.of("id", i));
    }
    return out;
  }

  @Test
  void transactionUsedAfterItEndedIsInvalidArgumentNamingHowItEnded() {
    try (Lake lake = lake()) {
      Transaction committed = lake.begin();
      committed.insert("t", rows(0, 3));
      committed.commit();
      assertEnded(committed, "commit()", tx -> tx.insert("t", rows(3, 4)));
      assertEnded(committed, "commit()", Transaction::commit);
      assertEnded(committed, "commit()", tx -> tx.commitMessage("a", "b", null));

      Transaction rolledBack = lake.begin();
      rolledBack.rollback();
      assertEnded(rolledBack, "rollback()", tx -> tx.delete("t", "id = 1"));
      assertEnded(rolledBack, "rollback()", tx -> tx.scan("t"));

      Transaction closed = lake.begin();
      closed.close();
      assertEnded(closed, "close()", tx -> tx.createTable("u", ColumnDefinitions.parse("x INT")));
      closed.rollback();
      closed.close();
      assertThat(lake.table("t").scan().count()).isEqualTo(3);
    }
  }

  private static void assertEnded(Transaction tx, String endedBy, Consumer<Transaction> use) {
    assertThatThrownBy(() -> use.accept(tx))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("already ended with " + endedBy)
        .hasMessageContaining("Lake.begin()")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void storeFailureWhileRewritingOwnFileIsUnavailable() {
    try (Lake lake = lake()) {
      ObjectStores.decorate(NoDeletes::new);
      try (Lake failing = Lake.open("sqlite:" + temp.resolve("lake.sqlite"));
          Transaction tx = failing.begin()) {
        tx.insert("t", rows(0, 100));
        assertThatThrownBy(() -> tx.delete("t", "id < 10"))
            .isInstanceOf(QuacklakeException.class)
            .hasMessageContaining("cannot remove")
            .hasMessageContaining("injected delete failure")
            .satisfies(
                e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
      }
      assertThat(lake.table("t").scan().count()).isZero();
    }
  }

  /** A store whose deletes fail. */
  private static final class NoDeletes extends ForwardingObjectStore {
    NoDeletes(ObjectStore delegate) {
      super(delegate);
    }

    @Override
    public void delete(Location location) throws IOException {
      throw new IOException("injected delete failure");
    }
  }
}
