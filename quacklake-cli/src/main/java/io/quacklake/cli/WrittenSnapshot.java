package io.quacklake.cli;

import io.quacklake.Snapshot;

/** The stdout of every writing command: the new snapshot id, one line, nothing else. */
final class WrittenSnapshot {
  private WrittenSnapshot() {}

  static void print(Snapshot snapshot) {
    System.out.println(snapshot.id());
    System.out.flush();
  }
}
