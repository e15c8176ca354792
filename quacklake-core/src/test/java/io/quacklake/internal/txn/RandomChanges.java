package io.quacklake.internal.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generators of change sets. Ids and names are drawn from a pool of numbers, so two pools
 * with no number in common give changes that touch nothing in common. Data file {@code t * 100 + k}
 * belongs to table {@code t}.
 */
final class RandomChanges {
  static final List<ChangeKind> DATA =
      List.of(
          ChangeKind.INSERTED_INTO_TABLE,
          ChangeKind.DELETED_FROM_TABLE,
          ChangeKind.INLINED_INSERT,
          ChangeKind.INLINED_DELETE,
          ChangeKind.INLINE_FLUSH);
  static final List<ChangeKind> COMPACTION =
      List.of(ChangeKind.MERGE_ADJACENT, ChangeKind.REWRITE_DELETE);

  private final Random random;
  private final List<Long> pool;

  RandomChanges(Random random, List<Long> pool) {
    this.random = random;
    this.pool = pool;
  }

  long pick() {
    return pool.get(random.nextInt(pool.size()));
  }

  static String schemaName(long id) {
    return "s\"," + id;
  }

  /** Any change at all, valid or not as a commit of its own. */
  Change anyChange() {
    ChangeKind kind = ChangeKind.values()[random.nextInt(ChangeKind.values().length)];
    long id = pick();
    return switch (kind.shape()) {
      case ID -> Change.of(kind, id);
      case SCHEMA_NAME -> Change.createdSchema(schemaName(id));
      case QUALIFIED_NAME -> new Change.CreatedEntry(kind, schemaName(id), "n." + pick());
    };
  }

  /** A change set DuckDB would commit: compaction only, or anything else without legacy tokens. */
  TransactionChanges commit() {
    List<Change> changes = new ArrayList<>();
    int size = 1 + random.nextInt(4);
    boolean compaction = random.nextInt(5) == 0;
    while (changes.size() < size) {
      Change c = compaction ? Change.of(COMPACTION.get(random.nextInt(2)), pick()) : anyChange();
      if (!c.kind().isCompaction()) {
        changes.add(c);
      } else if (compaction) {
        changes.add(c);
      }
    }
    return withFacts(ChangesMade.of(changes));
  }

  /** Only data changes (inserts, deletes, inlined changes, flushes) or only compaction. */
  TransactionChanges dataCommit() {
    List<ChangeKind> kinds = random.nextInt(4) == 0 ? COMPACTION : DATA;
    List<Change> changes = new ArrayList<>();
    int size = 1 + random.nextInt(3);
    for (int i = 0; i < size; i++) {
      changes.add(Change.of(kinds.get(random.nextInt(kinds.size())), pick()));
    }
    return withFacts(ChangesMade.of(changes));
  }

  /** Adds the schema names and deleted data files a valid commit must carry. */
  TransactionChanges withFacts(ChangesMade changes) {
    Map<Long, String> schemas = new HashMap<>();
    for (long id : pool) {
      schemas.put(id, schemaName(id));
    }
    Map<Long, Long> files = new HashMap<>();
    for (long table : changes.ids(ChangeKind.DELETED_FROM_TABLE)) {
      int count = 1 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        files.put(table * 100 + random.nextInt(3), table);
      }
    }
    return new TransactionChanges(changes, schemas, files);
  }

  /** The data files of {@code commit}, as another transaction would see them after it commits. */
  static Map<Long, Long> filesOf(TransactionChanges commit, long snapshotId) {
    Map<Long, Long> bySnapshot = new HashMap<>();
    commit.deletedDataFiles().keySet().forEach(file -> bySnapshot.put(file, snapshotId));
    return bySnapshot;
  }

  /** One to three concurrent snapshots of arbitrary changes, numbered from {@code first}. */
  List<CommittedChanges> snapshots(long first) {
    List<CommittedChanges> out = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      List<Change> changes = new ArrayList<>();
      int size = 1 + random.nextInt(4);
      for (int j = 0; j < size; j++) {
        changes.add(anyChange());
      }
      out.add(new CommittedChanges(first + i, ChangesMade.of(changes)));
    }
    return out;
  }

  /** Data files deleted by the snapshots, for every table they deleted from. */
  Map<Long, Long> deletedFiles(List<CommittedChanges> snapshots) {
    Map<Long, Long> files = new HashMap<>();
    for (CommittedChanges s : snapshots) {
      for (long table : s.changes().ids(ChangeKind.DELETED_FROM_TABLE)) {
        files.putIfAbsent(table * 100 + random.nextInt(3), s.snapshotId());
      }
    }
    return files;
  }
}
