package io.quacklake.internal.txn;

import static io.quacklake.internal.txn.ChangeKind.ALTERED_TABLE;
import static io.quacklake.internal.txn.ChangeKind.ALTERED_VIEW;
import static io.quacklake.internal.txn.ChangeKind.CREATED_SCALAR_MACRO;
import static io.quacklake.internal.txn.ChangeKind.CREATED_SCHEMA;
import static io.quacklake.internal.txn.ChangeKind.CREATED_TABLE;
import static io.quacklake.internal.txn.ChangeKind.CREATED_TABLE_MACRO;
import static io.quacklake.internal.txn.ChangeKind.CREATED_VIEW;
import static io.quacklake.internal.txn.ChangeKind.DELETED_FROM_TABLE;
import static io.quacklake.internal.txn.ChangeKind.DROPPED_SCALAR_MACRO;
import static io.quacklake.internal.txn.ChangeKind.DROPPED_SCHEMA;
import static io.quacklake.internal.txn.ChangeKind.DROPPED_TABLE;
import static io.quacklake.internal.txn.ChangeKind.DROPPED_TABLE_MACRO;
import static io.quacklake.internal.txn.ChangeKind.DROPPED_VIEW;
import static io.quacklake.internal.txn.ChangeKind.INLINED_DELETE;
import static io.quacklake.internal.txn.ChangeKind.INLINED_INSERT;
import static io.quacklake.internal.txn.ChangeKind.INLINE_FLUSH;
import static io.quacklake.internal.txn.ChangeKind.INSERTED_INTO_TABLE;
import static io.quacklake.internal.txn.ChangeKind.MERGE_ADJACENT;
import static io.quacklake.internal.txn.ChangeKind.REWRITE_DELETE;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * DuckDB's commit-time conflict rules (DuckLakeTransactionState::CheckForConflicts): whether a
 * transaction's changes can be committed on top of the snapshots committed after its base snapshot.
 * Only the kinds listed below conflict; in particular two inserts into one table never do, and
 * dropping or altering a table never conflicts with another commit's data changes to it (the data
 * change, committed second, is the one that fails).
 */
final class ConflictRules {
  /** For each of my id-valued kinds, the kinds of their changes to the same id that conflict. */
  private static final Map<ChangeKind, List<ChangeKind>> AGAINST = new EnumMap<>(ChangeKind.class);

  /** The order DuckDB checks my changes in, which decides which conflict is reported. */
  private static final List<ChangeKind> CHECK_ORDER =
      List.of(
          DROPPED_TABLE,
          DROPPED_VIEW,
          DROPPED_SCALAR_MACRO,
          DROPPED_TABLE_MACRO,
          DROPPED_SCHEMA,
          CREATED_SCHEMA,
          CREATED_TABLE_MACRO,
          CREATED_SCALAR_MACRO,
          CREATED_TABLE,
          CREATED_VIEW,
          INSERTED_INTO_TABLE,
          INLINED_INSERT,
          DELETED_FROM_TABLE,
          INLINED_DELETE,
          INLINE_FLUSH,
          MERGE_ADJACENT,
          REWRITE_DELETE,
          ALTERED_TABLE,
          ALTERED_VIEW);

  static {
    List<ChangeKind> insert =
        List.of(DROPPED_TABLE, ALTERED_TABLE, DELETED_FROM_TABLE, INLINED_DELETE);
    List<ChangeKind> compact =
        List.of(DROPPED_TABLE, DELETED_FROM_TABLE, MERGE_ADJACENT, REWRITE_DELETE);
    AGAINST.put(DROPPED_TABLE, List.of(DROPPED_TABLE));
    AGAINST.put(DROPPED_VIEW, List.of(DROPPED_VIEW));
    AGAINST.put(DROPPED_SCALAR_MACRO, List.of(DROPPED_SCALAR_MACRO));
    AGAINST.put(DROPPED_TABLE_MACRO, List.of(DROPPED_TABLE_MACRO));
    AGAINST.put(DROPPED_SCHEMA, List.of(DROPPED_SCHEMA));
    AGAINST.put(INSERTED_INTO_TABLE, insert);
    AGAINST.put(INLINED_INSERT, insert);
    AGAINST.put(
        DELETED_FROM_TABLE,
        List.of(
            DROPPED_TABLE,
            ALTERED_TABLE,
            MERGE_ADJACENT,
            REWRITE_DELETE,
            INSERTED_INTO_TABLE,
            INLINED_INSERT));
    AGAINST.put(
        INLINED_DELETE,
        List.of(
            DROPPED_TABLE,
            ALTERED_TABLE,
            INLINED_DELETE,
            INLINE_FLUSH,
            INSERTED_INTO_TABLE,
            INLINED_INSERT));
    AGAINST.put(INLINE_FLUSH, List.of(DROPPED_TABLE, INLINED_DELETE, INLINE_FLUSH));
    AGAINST.put(MERGE_ADJACENT, compact);
    AGAINST.put(REWRITE_DELETE, compact);
    AGAINST.put(ALTERED_TABLE, List.of(DROPPED_TABLE, ALTERED_TABLE));
    AGAINST.put(ALTERED_VIEW, List.of(DROPPED_VIEW, ALTERED_VIEW));
  }

  private ConflictRules() {}

  /**
   * The first conflict between {@code mine} and the concurrent snapshots, in DuckDB's check order,
   * or empty when the commit may be retried on top of them. Besides the token rules, a delete from
   * a table another snapshot also deleted from conflicts only when both touched the same data file;
   * {@code fileDeletes} is consulted for that case only.
   */
  public static Optional<Conflict> check(
      TransactionChanges mine, List<CommittedChanges> others, ConcurrentFileDeletes fileDeletes) {
    CommittedIndex index = new CommittedIndex(others);
    for (ChangeKind kind : CHECK_ORDER) {
      for (Change change : mine.changes().changes()) {
        if (change.kind() != kind) {
          continue;
        }
        Optional<Conflict> conflict = check(mine, change, index);
        if (conflict.isPresent()) {
          return conflict;
        }
      }
      if (kind == DELETED_FROM_TABLE) {
        Optional<Conflict> conflict = sameDataFiles(mine, index, fileDeletes);
        if (conflict.isPresent()) {
          return conflict;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Conflict> check(
      TransactionChanges mine, Change change, CommittedIndex index) {
    if (change instanceof Change.IdChange idChange) {
      for (ChangeKind theirs : AGAINST.getOrDefault(change.kind(), List.of())) {
        Optional<CommittedIndex.Hit> hit = index.id(theirs, idChange.id());
        if (hit.isPresent()) {
          return Optional.of(conflict(change, hit.get()));
        }
      }
      if (change.kind() == DROPPED_SCHEMA) {
        String name = mine.schemaNames().get(idChange.id());
        return index.createdTableOrView(name).map(hit -> conflict(change, hit));
      }
      return Optional.empty();
    }
    if (change instanceof Change.CreatedSchema schema) {
      return index.createdSchema(schema.name()).map(hit -> conflict(change, hit));
    }
    Change.CreatedEntry entry = (Change.CreatedEntry) change;
    Optional<CommittedIndex.Hit> schemaDropped =
        mine.schemaId(entry.schema()).flatMap(id -> index.id(DROPPED_SCHEMA, id));
    if (schemaDropped.isPresent()) {
      return Optional.of(conflict(change, schemaDropped.get()));
    }
    return index
        .createdEntry(entry.kind(), entry.schema(), entry.name())
        .map(hit -> conflict(change, hit));
  }

  private static Optional<Conflict> sameDataFiles(
      TransactionChanges mine, CommittedIndex index, ConcurrentFileDeletes fileDeletes) {
    boolean bothDeleted =
        mine.changes().ids(DELETED_FROM_TABLE).stream()
            .anyMatch(table -> index.hasId(DELETED_FROM_TABLE, table));
    if (!bothDeleted || mine.deletedDataFiles().isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Long> theirs = fileDeletes.deletedDataFiles();
    for (Map.Entry<Long, Long> file : new TreeMap<>(mine.deletedDataFiles()).entrySet()) {
      Long snapshotId = theirs.get(file.getKey());
      if (snapshotId != null) {
        Change deleted = Change.of(DELETED_FROM_TABLE, file.getValue());
        return Optional.of(
            new Conflict(deleted, snapshotId, deleted, OptionalLong.of(file.getKey())));
      }
    }
    return Optional.empty();
  }

  private static Conflict conflict(Change mine, CommittedIndex.Hit hit) {
    return new Conflict(mine, hit.snapshotId(), hit.change());
  }
}
