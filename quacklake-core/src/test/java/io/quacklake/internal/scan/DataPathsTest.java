package io.quacklake.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.storage.Location;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** DuckLake's path chain, and the catalog rows whose relative paths would leave it. */
class DataPathsTest {
  private static SchemaRecord schema(String path, boolean relative) {
    return new SchemaRecord(0, null, 0, "main", path, relative);
  }

  private static TableRecord table(String path, boolean relative) {
    return new TableRecord(1, null, 1, 0, "main", "t", path, relative);
  }

  private static DataFileRecord dataFile(String path, boolean relative) {
    return new DataFileRecord(
        7, 1, path, relative, "parquet", 1, 1, null, 0L, null, null, null, null);
  }

  private static DeleteFileRecord deleteFile(String path, boolean relative) {
    return new DeleteFileRecord(9, 7, 2, path, relative, "parquet", 1, 1, null, null);
  }

  private static void assertCorrupt(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessage(message);
  }

  @Test
  void relativeChainHangsOffTheDataPath() {
    DataPaths paths = DataPaths.of("/lake/data");
    Location dir = paths.tableDir(schema("main/", true), table("t/", true));
    assertThat(dir.value()).isEqualTo("/lake/data/main/t/");
    assertThat(dataFile("x.parquet", true).location(dir, "main.t").value())
        .isEqualTo("/lake/data/main/t/x.parquet");
  }

  @Test
  void absolutePathsStopTheChainAndNullPathsInherit() {
    DataPaths paths = DataPaths.of("/lake/data/");
    assertThat(paths.tableDir(schema("/elsewhere/s", false), table("t/", true)).value())
        .isEqualTo("/elsewhere/s/t/");
    assertThat(paths.tableDir(schema(null, true), table(null, true)).value())
        .isEqualTo("/lake/data/");
    assertThat(dataFile("/b/f.parquet", false).location(Location.directory("/a"), "t").value())
        .isEqualTo("/b/f.parquet");
  }

  @Test
  void relativeCatalogPathsThatLeaveTheirDirectoryAreCorruptRows() {
    DataPaths paths = DataPaths.of("/lake/data");
    Location dir = Location.directory("/lake/data/main/t");
    String fix =
        " (a leading '/' or a '..' segment); DuckLake keeps relative paths inside the data path."
            + " The catalog was edited or written by a faulty tool: repair or remove that row";
    assertCorrupt(
        () -> dataFile("../../../../etc/passwd", true).location(dir, "main.t"),
        "ducklake_data_file row data_file_id=7 of table main.t has relative path"
            + " '../../../../etc/passwd', which leaves /lake/data/main/t/"
            + fix);
    assertCorrupt(
        () -> deleteFile("/etc/passwd", true).location(dir, "main.t"),
        "ducklake_delete_file row delete_file_id=9 (data file 7) of table main.t has relative path"
            + " '/etc/passwd', which leaves /lake/data/main/t/"
            + fix);
    assertCorrupt(
        () -> paths.schemaDir(schema("../", true)),
        "ducklake_schema row schema_id=0 (schema main) has relative path '../', which leaves"
            + " /lake/data/"
            + fix);
    assertCorrupt(
        () -> paths.tableDir(schema("main/", true), table("x/../../..", true)),
        "ducklake_table row table_id=1 (table main.t) has relative path 'x/../../..', which leaves"
            + " /lake/data/main/"
            + fix);
  }

  @Test
  void absoluteCatalogPathsAreTrusted() {
    Location dir = Location.directory("/lake/data/main/t");
    assertThat(dataFile("/other/../x.parquet", false).location(dir, "main.t").value())
        .isEqualTo("/other/../x.parquet");
    assertThat(deleteFile("s3://b/k-delete.parquet", false).location(dir, "main.t").value())
        .isEqualTo("s3://b/k-delete.parquet");
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
