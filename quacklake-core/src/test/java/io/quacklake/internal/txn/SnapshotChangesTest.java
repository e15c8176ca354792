package io.quacklake.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code ducklake_snapshots()} view of the log; the grammar itself is in ChangesMadeTest. */
class SnapshotChangesTest {
  static String render(String changesMade) {
    return SnapshotChanges.render(SnapshotChanges.parse(changesMade));
  }

  @Test
  void rendersLikeDuckDbSnapshotsFunction() {
    assertThat(render("created_schema:\"main\"")).isEqualTo("{schemas_created=[main]}");
    assertThat(render("created_table:\"main\".\"users\""))
        .isEqualTo("{tables_created=[main.users]}");
    assertThat(render("inlined_insert:1,inlined_delete:1"))
        .isEqualTo("{inlined_insert=[1], inlined_delete=[1]}");
    assertThat(render("inline_flush:2")).isEqualTo("{flushed_inlined=[2]}");
  }

  @Test
  void ordersKeysAsDuckDbAndGroupsValues() {
    assertThat(
            render(
                "inlined_insert:3,dropped_table:4,created_table:\"staging\".\"tmp\",inlined_insert:6"))
        .isEqualTo("{tables_created=[staging.tmp], tables_dropped=[4], inlined_insert=[3, 6]}");
  }

  @Test
  void legacyTokensShareTheKeyOfTheirReplacement() {
    assertThat(render("flushed_inlined:2,compacted_table:3,merge_adjacent:4"))
        .isEqualTo("{flushed_inlined=[2], merge_adjacent=[3, 4]}");
  }

  @Test
  void unknownTokensAreListedUnderTheirOwnNameAfterTheKnownKeys() {
    assertThat(render("renamed_table:\"main\".\"t\",inserted_into_table:1,odd"))
        .isEqualTo("{tables_inserted_into=[1], renamed_table=[main.t], odd=[]}");
  }
}
