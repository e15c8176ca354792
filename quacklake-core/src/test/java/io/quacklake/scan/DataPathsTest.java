package io.quacklake.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.catalog.SchemaRecord;
import io.quacklake.catalog.TableRecord;
import io.quacklake.storage.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataPathsTest {
  private static SchemaRecord schema(String path, boolean relative) {
    return new SchemaRecord(0, null, 0, "main", path, relative);
  }

  private static TableRecord table(String path, boolean relative) {
    return new TableRecord(1, null, 1, 0, "main", "t", path, relative);
  }

  @Test
  void relativeChainHangsOffTheDataPath() {
    DataPaths paths = DataPaths.of("/lake/data");
    Location dir = paths.tableDir(schema("main/", true), table("t/", true));
    assertThat(dir.value()).isEqualTo("/lake/data/main/t/");
    assertThat(DataPaths.file(dir, "x.parquet", true).value())
        .isEqualTo("/lake/data/main/t/x.parquet");
  }

  @Test
  void absolutePathsStopTheChainAndNullPathsInherit() {
    DataPaths paths = DataPaths.of("/lake/data/");
    assertThat(paths.tableDir(schema("/elsewhere/s", false), table("t/", true)).value())
        .isEqualTo("/elsewhere/s/t/");
    assertThat(paths.tableDir(schema(null, true), table(null, true)).value())
        .isEqualTo("/lake/data/");
    assertThat(DataPaths.file(Location.directory("/a"), "/b/f.parquet", false).value())
        .isEqualTo("/b/f.parquet");
  }

  @Test
  void relativeDataPathResolvesAgainstWorkingDirectory() {
    String expected = Path.of("rel/data").toAbsolutePath().normalize() + "/";
    assertThat(DataPaths.of("rel/data/").root().value()).isEqualTo(expected);
  }

  @Test
  void objectStoreDataPathIsKeptAsIs() {
    assertThat(DataPaths.of("s3://bucket/lake").root().value()).isEqualTo("s3://bucket/lake/");
  }
}
