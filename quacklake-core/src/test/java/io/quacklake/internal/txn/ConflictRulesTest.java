package io.quacklake.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per row of the conflict matrix (spec §3.5, DuckDB's CheckForConflicts) and its twin. */
class ConflictRulesTest {
  private static final long THEIR_SNAPSHOT = 12;

  /** My changes against one concurrent snapshot 12 whose changes_made is {@code theirs}. */
  record Case(
      String name,
      TransactionChanges mine,
      String theirs,
      Map<Long, Long> theirFiles,
      boolean conflicts) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static TransactionChanges mine(String text) {
    return new TransactionChanges(ChangesMade.parse(text), Map.of(5L, "s"), Map.of());
  }

  private static Case yes(String name, String mine, String theirs) {
    return new Case(name, mine(mine), theirs, Map.of(), true);
  }

  private static Case no(String name, String mine, String theirs) {
    return new Case(name, mine(mine), theirs, Map.of(), false);
  }

  private static Case deletes(
      String name, Map<Long, Long> mine, Map<Long, Long> theirs, boolean c) {
    TransactionChanges changes =
        new TransactionChanges(ChangesMade.parse("deleted_from_table:3"), Map.of(), mine);
    return new Case(name, changes, "deleted_from_table:3", theirs, c);
  }

  static Stream<Case> matrix() {
    return Stream.of(
        // drops
        yes("drop table vs drop same table", "dropped_table:3", "dropped_table:3"),
        no("drop table vs drop other table", "dropped_table:3", "dropped_table:4"),
        no("drop table vs insert into it", "dropped_table:3", "inserted_into_table:3"),
        no("drop table vs alter it", "dropped_table:3", "altered_table:3"),
        yes("drop view vs drop same view", "dropped_view:3", "dropped_view:3"),
        no("drop view vs drop table with the same id", "dropped_view:3", "dropped_table:3"),
        yes("drop macro vs drop same macro", "dropped_scalar_macro:3", "dropped_scalar_macro:3"),
        no("drop scalar vs drop table macro", "dropped_scalar_macro:3", "dropped_table_macro:3"),
        yes("drop table macro vs drop same", "dropped_table_macro:3", "dropped_table_macro:3"),
        yes("drop schema vs drop same schema", "dropped_schema:5", "dropped_schema:5"),
        no("drop schema vs drop other schema", "dropped_schema:5", "dropped_schema:6"),
        yes("drop schema vs table created in it", "dropped_schema:5", "created_table:\"S\".\"t\""),
        yes("drop schema vs view created in it", "dropped_schema:5", "created_view:\"s\".\"v\""),
        no(
            "drop schema vs table created elsewhere",
            "dropped_schema:5",
            "created_table:\"x\".\"t\""),
        no(
            "drop schema vs macro created in it",
            "dropped_schema:5",
            "created_scalar_macro:\"s\".\"m\""),
        // creates
        yes("create schema vs same name", "created_schema:\"n\"", "created_schema:\"N\""),
        no("create schema vs other name", "created_schema:\"n\"", "created_schema:\"m\""),
        yes("create table vs same table", "created_table:\"s\".\"t\"", "created_table:\"s\".\"t\""),
        yes(
            "create table vs view of that name",
            "created_table:\"s\".\"t\"",
            "created_view:\"s\".\"T\""),
        yes(
            "create view vs table of that name",
            "created_view:\"s\".\"t\"",
            "created_table:\"s\".\"t\""),
        no("create table vs other name", "created_table:\"s\".\"t\"", "created_table:\"s\".\"u\""),
        no(
            "create table vs same name elsewhere",
            "created_table:\"s\".\"t\"",
            "created_table:\"x\".\"t\""),
        yes("create table vs its schema dropped", "created_table:\"s\".\"t\"", "dropped_schema:5"),
        no("create table vs other schema dropped", "created_table:\"s\".\"t\"", "dropped_schema:6"),
        no(
            "create table in new schema vs drop of an old schema with that id",
            "created_schema:\"n\",created_table:\"n\".\"t\"",
            "dropped_schema:6"),
        yes(
            "create macro vs same macro",
            "created_scalar_macro:\"s\".\"m\"",
            "created_scalar_macro:\"s\".\"m\""),
        no(
            "create scalar macro vs table macro of that name",
            "created_scalar_macro:\"s\".\"m\"",
            "created_table_macro:\"s\".\"m\""),
        no(
            "create macro vs table of that name",
            "created_table_macro:\"s\".\"m\"",
            "created_table:\"s\".\"m\""),
        yes(
            "create macro vs its schema dropped",
            "created_table_macro:\"s\".\"m\"",
            "dropped_schema:5"),
        // inserts, files or inlined
        yes("insert vs drop", "inserted_into_table:3", "dropped_table:3"),
        yes("insert vs alter", "inserted_into_table:3", "altered_table:3"),
        yes("insert vs delete", "inserted_into_table:3", "deleted_from_table:3"),
        yes("insert vs inlined delete", "inserted_into_table:3", "inlined_delete:3"),
        no("insert vs insert", "inserted_into_table:3", "inserted_into_table:3"),
        no("insert vs inlined insert", "inserted_into_table:3", "inlined_insert:3"),
        no("insert vs flush", "inserted_into_table:3", "inline_flush:3"),
        no("insert vs compaction", "inserted_into_table:3", "merge_adjacent:3,rewrite_delete:3"),
        no("insert vs drop of another table", "inserted_into_table:3", "dropped_table:4"),
        yes("inlined insert vs drop", "inlined_insert:3", "dropped_table:3"),
        yes("inlined insert vs alter", "inlined_insert:3", "altered_table:3"),
        yes("inlined insert vs delete", "inlined_insert:3", "deleted_from_table:3"),
        yes("inlined insert vs inlined delete", "inlined_insert:3", "inlined_delete:3"),
        no("inlined insert vs inlined insert", "inlined_insert:3", "inlined_insert:3"),
        // deletes through delete files or dropped data files
        yes("delete vs drop", "deleted_from_table:3", "dropped_table:3"),
        yes("delete vs alter", "deleted_from_table:3", "altered_table:3"),
        yes("delete vs merge", "deleted_from_table:3", "merge_adjacent:3"),
        yes("delete vs rewrite", "deleted_from_table:3", "rewrite_delete:3"),
        yes("delete vs insert", "deleted_from_table:3", "inserted_into_table:3"),
        yes("delete vs inlined insert", "deleted_from_table:3", "inlined_insert:3"),
        no("delete vs inlined delete", "deleted_from_table:3", "inlined_delete:3"),
        no("delete vs flush", "deleted_from_table:3", "inline_flush:3"),
        no("delete vs legacy compacted_table", "deleted_from_table:3", "compacted_table:3"),
        no("delete vs insert into another table", "deleted_from_table:3", "inserted_into_table:4"),
        deletes(
            "delete vs delete of the same data file", Map.of(100L, 3L), Map.of(100L, 12L), true),
        deletes("delete vs delete of other data files", Map.of(100L, 3L), Map.of(101L, 12L), false),
        // inlined deletes
        yes("inlined delete vs drop", "inlined_delete:3", "dropped_table:3"),
        yes("inlined delete vs alter", "inlined_delete:3", "altered_table:3"),
        yes("inlined delete vs inlined delete", "inlined_delete:3", "inlined_delete:3"),
        yes("inlined delete vs flush", "inlined_delete:3", "inline_flush:3"),
        yes("inlined delete vs insert", "inlined_delete:3", "inserted_into_table:3"),
        yes("inlined delete vs inlined insert", "inlined_delete:3", "inlined_insert:3"),
        no("inlined delete vs delete", "inlined_delete:3", "deleted_from_table:3"),
        no("inlined delete vs compaction", "inlined_delete:3", "merge_adjacent:3"),
        // flushes
        yes("flush vs drop", "inline_flush:3", "dropped_table:3"),
        yes("flush vs inlined delete", "inline_flush:3", "inlined_delete:3"),
        yes("flush vs flush", "inline_flush:3", "inline_flush:3"),
        no("flush vs alter", "inline_flush:3", "altered_table:3"),
        no("flush vs insert", "inline_flush:3", "inserted_into_table:3,inlined_insert:3"),
        no("flush vs delete", "inline_flush:3", "deleted_from_table:3"),
        // compactions
        yes("merge vs drop", "merge_adjacent:3", "dropped_table:3"),
        yes("merge vs delete", "merge_adjacent:3", "deleted_from_table:3"),
        yes("merge vs merge", "merge_adjacent:3", "merge_adjacent:3"),
        yes("merge vs rewrite", "merge_adjacent:3", "rewrite_delete:3"),
        yes("rewrite vs drop", "rewrite_delete:3", "dropped_table:3"),
        yes("rewrite vs delete", "rewrite_delete:3", "deleted_from_table:3"),
        yes("rewrite vs merge", "rewrite_delete:3", "merge_adjacent:3"),
        no("compaction vs insert", "merge_adjacent:3,rewrite_delete:3", "inserted_into_table:3"),
        no("compaction vs alter", "merge_adjacent:3", "altered_table:3"),
        no("compaction vs inlined delete", "rewrite_delete:3", "inlined_delete:3"),
        no("compaction vs legacy compacted_table", "merge_adjacent:3", "compacted_table:3"),
        // alters
        yes("alter table vs drop", "altered_table:3", "dropped_table:3"),
        yes("alter table vs alter", "altered_table:3", "altered_table:3"),
        no("alter table vs insert", "altered_table:3", "inserted_into_table:3"),
        no("alter table vs delete", "altered_table:3", "deleted_from_table:3"),
        yes("alter view vs drop view", "altered_view:3", "dropped_view:3"),
        yes("alter view vs alter view", "altered_view:3", "altered_view:3"),
        no("alter view vs drop table with the same id", "altered_view:3", "dropped_table:3"),
        no("alter view vs alter table with the same id", "altered_view:3", "altered_table:3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void followsTheConflictMatrix(Case c) {
    Optional<Conflict> conflict =
        ConflictRules.check(
            c.mine(),
            List.of(CommittedChanges.parse(THEIR_SNAPSHOT, c.theirs())),
            ConcurrentFileDeletes.of(c.theirFiles()));

    assertThat(conflict.isPresent()).as(c.name()).isEqualTo(c.conflicts());
    conflict.ifPresent(found -> assertThat(found.snapshotId()).isEqualTo(THEIR_SNAPSHOT));
  }

  @Test
  void messageNamesBothChangesAndTheSnapshot() {
    Conflict conflict =
        ConflictRules.check(
                mine("deleted_from_table:3"),
                List.of(CommittedChanges.parse(12, "altered_table:3")),
                ConcurrentFileDeletes.none())
            .orElseThrow();

    assertThat(conflict.message())
        .isEqualTo(
            "transaction deleted from table 3 but snapshot 12 altered table 3; retry the"
                + " transaction");
    assertThat(conflict.toException().kind()).isEqualTo(ErrorKind.CONFLICT);
  }

  @Test
  void deleteConflictNamesTheDataFile() {
    Conflict conflict =
        ConflictRules.check(
                new TransactionChanges(
                    ChangesMade.parse("deleted_from_table:3"), Map.of(), Map.of(100L, 3L)),
                List.of(
                    CommittedChanges.parse(11, "inserted_into_table:4"),
                    CommittedChanges.parse(12, "deleted_from_table:3")),
                ConcurrentFileDeletes.of(Map.of(100L, 12L)))
            .orElseThrow();

    assertThat(conflict.dataFileId()).hasValue(100);
    assertThat(conflict.message())
        .isEqualTo(
            "transaction deleted from data file 100 of table 3 but snapshot 12 also deleted from"
                + " or dropped data file 100; retry the transaction");
  }

  @Test
  void fileDeletesAreOnlyReadWhenBothSidesDeletedFromOneTable() {
    ConcurrentFileDeletes unexpected =
        () -> {
          throw new AssertionError("file deletes were read");
        };
    TransactionChanges mine =
        new TransactionChanges(ChangesMade.parse("deleted_from_table:3"), Map.of(), Map.of(1L, 3L));

    assertThat(
            ConflictRules.check(
                mine, List.of(CommittedChanges.parse(12, "deleted_from_table:4")), unexpected))
        .isEmpty();
  }

  @Test
  void reportsTheEarliestConflictingSnapshot() {
    Conflict conflict =
        ConflictRules.check(
                mine("inserted_into_table:3"),
                List.of(
                    CommittedChanges.parse(15, "altered_table:3"),
                    CommittedChanges.parse(13, "inserted_into_table:3"),
                    CommittedChanges.parse(14, "altered_table:3")),
                ConcurrentFileDeletes.none())
            .orElseThrow();

    assertThat(conflict.snapshotId()).isEqualTo(14);
    assertThat(conflict.theirs()).isEqualTo(Change.of(ChangeKind.ALTERED_TABLE, 3));
  }

  @Test
  void noConcurrentSnapshotsNeverConflict() {
    assertThat(
            ConflictRules.check(
                mine("dropped_table:3,altered_table:4"), List.of(), ConcurrentFileDeletes.none()))
        .isEmpty();
  }

  @Test
  void rejectsAChangeSetDuckDbWouldNotCommit() {
    assertThatThrownBy(() -> mine("merge_adjacent:3,inserted_into_table:4"))
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> TransactionChanges.of(ChangesMade.parse("dropped_schema:9")))
        .hasMessageContaining("dropped schema 9");
    assertThatThrownBy(() -> TransactionChanges.of(ChangesMade.parse("created_table:\"s\".\"t\"")))
        .hasMessageContaining("schemaNames");
    assertThatThrownBy(
            () ->
                new TransactionChanges(
                    ChangesMade.parse("deleted_from_table:3"), Map.of(), Map.of(1L, 4L)))
        .hasMessageContaining("deleted_from_table:4");
  }
}
