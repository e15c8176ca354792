package io.quacklake.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangesMadeTest {
  static Stream<Change> oneOfEachKind() {
    return Stream.of(ChangeKind.values())
        .map(
            kind ->
                switch (kind.shape()) {
                  case ID -> Change.of(kind, 42);
                  case SCHEMA_NAME -> Change.createdSchema("s\"1,x");
                  case QUALIFIED_NAME -> new Change.CreatedEntry(kind, "my schema", "a,\"b\"");
                });
  }

  @ParameterizedTest
  @MethodSource("oneOfEachKind")
  void everyTokenRoundTrips(Change change) {
    String text = ChangesMade.of(change).toText();

    assertThat(text).startsWith(change.kind().token() + ":");
    assertThat(ChangesMade.parse(text).changes()).containsExactly(change);
  }

  @Test
  void writesDuckDbExamplesExactly() {
    assertThat(ChangesMade.of(Change.createdTable("main", "users")).toText())
        .isEqualTo("created_table:\"main\".\"users\"");
    assertThat(
            ChangesMade.of(
                    Change.of(ChangeKind.INLINED_DELETE, 1),
                    Change.of(ChangeKind.INLINED_INSERT, 1))
                .toText())
        .isEqualTo("inlined_insert:1,inlined_delete:1");
    assertThat(ChangesMade.of(Change.createdSchema("my\"schema")).toText())
        .isEqualTo("created_schema:\"my\"\"schema\"");
  }

  @Test
  void commasAndQuotesInsideNamesDoNotSplit() {
    String text = "created_table:\"a,b\".\"c\"\"d,\",created_view:\"x\".\"\",inserted_into_table:7";

    ChangesMade parsed = ChangesMade.parse(text);

    assertThat(parsed.changes())
        .containsExactly(
            Change.createdTable("a,b", "c\"d,"),
            Change.createdView("x", ""),
            Change.of(ChangeKind.INSERTED_INTO_TABLE, 7));
    assertThat(parsed.toText()).isEqualTo(text);
    assertThat(SnapshotChangesTest.render(text))
        .isEqualTo("{tables_created=[a,b.c\"d,], views_created=[x.], tables_inserted_into=[7]}");
    assertThat(SnapshotChangesTest.render("created_table:\"main\".\"a,\"\"b\""))
        .isEqualTo("{tables_created=[main.a,\"b]}");
  }

  @Test
  void emitsInDuckDbOrderWithIdsAscending() {
    ChangesMade changes =
        ChangesMade.of(
            Change.of(ChangeKind.INLINE_FLUSH, 2),
            Change.of(ChangeKind.INSERTED_INTO_TABLE, 9),
            Change.createdView("s", "v"),
            Change.of(ChangeKind.DROPPED_SCALAR_MACRO, 5),
            Change.of(ChangeKind.INSERTED_INTO_TABLE, 3),
            new Change.CreatedEntry(ChangeKind.CREATED_TABLE_MACRO, "s", "tm"),
            Change.createdTable("t", "a"),
            Change.createdTable("s", "b"),
            new Change.CreatedEntry(ChangeKind.CREATED_SCALAR_MACRO, "s", "m"),
            Change.createdSchema("n"),
            Change.of(ChangeKind.DROPPED_VIEW, 4),
            Change.of(ChangeKind.ALTERED_VIEW, 4),
            Change.of(ChangeKind.ALTERED_TABLE, 3),
            Change.of(ChangeKind.DELETED_FROM_TABLE, 3),
            Change.of(ChangeKind.DROPPED_TABLE, 8),
            Change.of(ChangeKind.DROPPED_TABLE, 1),
            Change.of(ChangeKind.DROPPED_TABLE_MACRO, 6),
            Change.of(ChangeKind.INLINED_DELETE, 3),
            Change.of(ChangeKind.INLINED_INSERT, 3),
            Change.of(ChangeKind.DROPPED_SCHEMA, 2));

    assertThat(changes.toText())
        .isEqualTo(
            "dropped_schema:2,dropped_table:1,dropped_table:8,dropped_view:4,"
                + "created_schema:\"n\",created_view:\"s\".\"v\",created_table:\"s\".\"b\","
                + "created_table:\"t\".\"a\",created_scalar_macro:\"s\".\"m\","
                + "created_table_macro:\"s\".\"tm\",dropped_scalar_macro:5,dropped_table_macro:6,"
                + "inserted_into_table:3,inserted_into_table:9,deleted_from_table:3,"
                + "altered_table:3,altered_view:4,inlined_insert:3,inlined_delete:3,"
                + "inline_flush:2");
  }

  @Test
  void noChangesAreNull() {
    assertThat(ChangesMade.empty().toText()).isNull();
    assertThat(ChangesMade.parse(null).isEmpty()).isTrue();
    assertThat(ChangesMade.parse("").isEmpty()).isTrue();
    assertThat(SnapshotChangesTest.render(null)).isEqualTo("{}");
    assertThat(SnapshotChangesTest.render("")).isEqualTo("{}");
  }

  @Test
  void duplicatesAreKeptOnce() {
    assertThat(ChangesMade.parse("altered_table:3,altered_table:3").toText())
        .isEqualTo("altered_table:3");
  }

  @Test
  void readsLegacyTokensAndAnyCase() {
    assertThat(ChangesMade.parse("flushed_inlined:4").changes())
        .containsExactly(Change.of(ChangeKind.INLINE_FLUSH, 4));
    assertThat(ChangesMade.parse("compacted_table:4").changes())
        .containsExactly(Change.of(ChangeKind.COMPACTED_TABLE, 4));
    assertThat(ChangesMade.parse("Inserted_Into_TABLE:4,").changes())
        .containsExactly(Change.of(ChangeKind.INSERTED_INTO_TABLE, 4));
    assertThat(SnapshotChangesTest.render("Inserted_Into_TABLE:4,"))
        .isEqualTo("{tables_inserted_into=[4]}");
  }

  @Test
  void readsTheConcatenationOfSeveralSnapshots() {
    assertThat(
            ChangesMade.parse("inserted_into_table:2,created_schema:\"a\",inserted_into_table:1"))
        .isEqualTo(
            ChangesMade.of(
                Change.createdSchema("a"),
                Change.of(ChangeKind.INSERTED_INTO_TABLE, 1),
                Change.of(ChangeKind.INSERTED_INTO_TABLE, 2)));
  }

  @Test
  void unknownTokenIsCorruptAndNamesTokenAndText() {
    assertThatThrownBy(() -> ChangesMade.parse("inserted_into_table:1,renamed_table:3"))
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessageContaining("renamed_table")
        .hasMessageContaining("inserted_into_table:1,renamed_table:3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "inserted_into_table",
        "inserted_into_table:",
        "inserted_into_table:x1",
        "inserted_into_table:-1",
        "inserted_into_table:99999999999999999999",
        "created_table:main.users",
        "created_table:\"main\"",
        "created_table:\"main\".\"users",
        "created_table:\"main\".\"users\"x",
        "created_schema:\"a\".\"b\"",
        ",inserted_into_table:1"
      })
  void malformedEntriesAreCorrupt(String text) {
    assertThatThrownBy(() -> ChangesMade.parse(text))
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessageContaining(text);
  }

  @Test
  void compactionCannotBeMixedWithOtherChanges() {
    ChangesMade mixed =
        ChangesMade.of(
            Change.of(ChangeKind.MERGE_ADJACENT, 1), Change.of(ChangeKind.INSERTED_INTO_TABLE, 2));

    assertThatThrownBy(mixed::validateForCommit)
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("merge_adjacent:1");
  }

  @Test
  void bothCompactionKindsMayShareACommit() {
    ChangesMade.of(Change.of(ChangeKind.MERGE_ADJACENT, 1), Change.of(ChangeKind.REWRITE_DELETE, 1))
        .validateForCommit();
  }

  @ParameterizedTest
  @EnumSource(
      value = ChangeKind.class,
      names = {"COMPACTED_TABLE"})
  void legacyTokensAreNeverCommitted(ChangeKind kind) {
    assertThatThrownBy(() -> ChangesMade.of(Change.of(kind, 1)).validateForCommit())
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("legacy");
  }
}
