package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.ParquetFiles;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code add-files}: registers Parquet files by column name; misfits exit 1, missing files 2. */
class CliAddFilesTest {
  @TempDir Path temp;

  private CliLake lake;

  @BeforeEach
  void createLake() {
    lake = new CliLake(temp);
    lake.write("create-table", "t", "--schema", "id BIGINT, name VARCHAR");
  }

  /** A Parquet file with the given columns (in that order) and rows. */
  private Path parquet(String name, String columns, List<Object[]> rows) {
    Path file = temp.resolve(name);
    List<LakeColumn> cols = ColumnDefinitions.parse(columns);
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot batch = ArrowRows.of(cols, rows, a);
        ParquetFiles.Writer w = ParquetFiles.create(file, cols)) {
      w.write(batch);
    }
    return file;
  }

  @Test
  void filesInAnotherColumnOrderAreRegisteredByName() {
    Path f =
        parquet(
            "other.parquet", "name VARCHAR, id BIGINT", List.<Object[]>of(new Object[] {"a", 1L}));
    CliRun r = lake.run("add-files", "t", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().trim()).matches("\\d+");
    assertThat(lake.scan("t", "csv")).contains("1,a");
  }

  @Test
  void misfitsAndMissingFilesAreRefusedWithTheContractsExitCodes() {
    Path extra =
        parquet(
            "extra.parquet",
            "id BIGINT, name VARCHAR, note VARCHAR",
            List.<Object[]>of(new Object[] {2L, "b", "x"}));
    CliRun refused = lake.run("add-files", "t", extra.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("\"note\"").contains("--ignore-extra-columns");
    assertThat(lake.run("add-files", "t", temp.resolve("none.parquet").toString()).exit())
        .isEqualTo(2);
    CliRun added = lake.run("add-files", "t", extra.toString(), "--ignore-extra-columns");
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(lake.scan("t", "csv")).contains("2,b");
  }
}
