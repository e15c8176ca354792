package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.util.List;
import java.util.Map;

/**
 * Run in its own JVM by {@link CliLoggingTest}: two transactions delete the same row, the second
 * commit conflicts; the logger is the CLI's, at info.
 */
final class ProvokedConflict {
  private ProvokedConflict() {}

  public static void main(String[] args) {
    Logging.configure("info");
    try (Lake lake = Lake.create("sqlite:" + args[0] + "/lake.sqlite", args[0] + "/data/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 1L), Map.of("id", 2L)));
        tx.commit();
      }
      Transaction first = lake.begin();
      Transaction second = lake.begin();
      first.delete("t", "id = 1");
      second.delete("t", "id = 1");
      first.commit();
      try {
        second.commit();
        System.out.println("no conflict");
      } catch (QuacklakeException e) {
        System.out.println(e.kind());
      }
    }
  }
}
