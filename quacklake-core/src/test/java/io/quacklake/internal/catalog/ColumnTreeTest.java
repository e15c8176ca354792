package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTreeTest {
  private static ColumnRecord row(long id, long order, String name, String type, Long parent) {
    return new ColumnRecord(id, 1, order, name, type, null, null, true, parent);
  }

  @Test
  void nestedRowsBecomeChildrenInColumnOrder() {
    List<LakeColumn> tree =
        ColumnTree.build(
            7,
            List.of(
                row(1, 0, "id", "int64", null),
                row(2, 1, "s", "struct", null),
                row(4, 1, "b", "varchar", 2L),
                row(3, 0, "a", "int32", 2L)));
    assertThat(tree).extracting(LakeColumn::name).containsExactly("id", "s");
    assertThat(tree.get(1).children()).extracting(LakeColumn::name).containsExactly("a", "b");
  }

  @Test
  void parentIdsFormingACycleAreCorruptNotAStackOverflow() {
    List<ColumnRecord> cycle =
        List.of(
            row(1, 0, "id", "int64", null),
            row(2, 0, "s", "struct", 4L),
            row(3, 0, "t", "struct", 2L),
            row(4, 0, "u", "struct", 3L));
    assertCycle(cycle, "table 7", "column ids [2, 4, 3]");
  }

  @Test
  void columnThatIsItsOwnParentIsCorrupt() {
    assertCycle(List.of(row(5, 0, "s", "struct", 5L)), "column ids [5]");
  }

  @Test
  void repeatedColumnIdUnderItselfIsCorrupt() {
    List<ColumnRecord> rows = List.of(row(5, 0, "s", "struct", 5L), row(5, 0, "s", "struct", null));
    assertCycle(rows, "table 7", "[5]");
  }

  private static void assertCycle(List<ColumnRecord> rows, String... fragments) {
    assertThatThrownBy(() -> ColumnTree.build(7, rows))
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT);
              assertThat(e.getMessage())
                  .contains(fragments)
                  .contains("parent ids form a cycle")
                  .contains("repair the parent_column")
                  .doesNotContain("\n");
            });
  }
}
