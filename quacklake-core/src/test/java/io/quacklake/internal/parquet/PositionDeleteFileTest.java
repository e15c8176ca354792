package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionDeleteFileTest {
  @TempDir Path dir;

  private Path write(String select) throws Exception {
    Path file = dir.resolve("d-delete.parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy(select, List.of(), file, "ROW_GROUP_SIZE 2048");
    }
    return file;
  }

  @Test
  void readsPositionsByColumnPosition() throws Exception {
    Path file = write("SELECT 'f.parquet' AS whatever, (i * 3)::BIGINT AS p FROM range(5000) t(i)");
    long[] positions = PositionDeleteFile.read(DuckDb.input(file), Long.MAX_VALUE);
    assertThat(positions).hasSize(5000);
    assertThat(positions[4999]).isEqualTo(14997);
  }

  @Test
  void partialDeletionFileKeepsDeletesUpToTheSnapshot() throws Exception {
    Path file =
        write(
            "SELECT 'f.parquet' AS file_path, i::BIGINT AS pos, (i % 3 + 1)::BIGINT AS"
                + " _ducklake_internal_snapshot_id FROM range(10) t(i)");
    assertThat(PositionDeleteFile.read(DuckDb.input(file), 1)).containsExactly(0, 3, 6, 9);
    assertThat(PositionDeleteFile.read(DuckDb.input(file), Long.MAX_VALUE)).hasSize(10);
  }

  @Test
  void icebergStyleThirdColumnIsIgnored() throws Exception {
    Path file = write("SELECT 'f' AS file_path, i::BIGINT AS pos, 'x' AS row FROM range(4) t(i)");
    assertThat(PositionDeleteFile.read(DuckDb.input(file), 0)).containsExactly(0, 1, 2, 3);
  }

  @Test
  void nonBigintPositionIsCorrupt() throws Exception {
    Path file = write("SELECT 'f' AS file_path, 'x' AS pos");
    assertThatThrownBy(() -> PositionDeleteFile.read(DuckDb.input(file), 0))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT));
  }
}
