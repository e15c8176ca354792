package io.quacklake.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import org.junit.jupiter.api.Test;

/**
 * Hive directories of partitions: key and value escaped as DuckDB escapes them. The expected names
 * are the ones DuckDB (ac5c6d11c3, ducklake 2ed0a0be) wrote for a table with columns {@code
 * "../../x y"} and {@code "a=b"} partitioned by both.
 */
class PartitionKeyTest {
  private static PartitionKey identity(int index, String name) {
    return new PartitionKey(
        index, LakeColumn.of(index + 1, name, LakeType.of(TypeId.VARCHAR)), "identity");
  }

  @Test
  void keyAndValueAreEscapedAsDuckDbEscapesThem() {
    PartitionKey first = identity(0, "../../x y");
    PartitionKey second = identity(1, "a=b");
    assertThat(first.directory("a b/..")).isEqualTo("..%2F..%2Fx%20y=a%20b%2F..");
    assertThat(first.directory(null)).isEqualTo("..%2F..%2Fx%20y=__HIVE_DEFAULT_PARTITION__");
    assertThat(first.directory("x")).isEqualTo("..%2F..%2Fx%20y=x");
    assertThat(second.directory("é~_-.")).isEqualTo("a%3Db=%C3%A9~_-.");
    assertThat(second.directory("..")).isEqualTo("a%3Db=..");
    assertThat(second.directory("%41+")).isEqualTo("a%3Db=%2541%2B");
  }

  @Test
  void hostileColumnNameStaysOneDirectoryLevel() {
    PartitionKey key = identity(0, "../../../../escaped");
    String dir = key.directory("v") + "/";
    assertThat(dir).isEqualTo("..%2F..%2F..%2F..%2Fescaped=v/");
    assertThat(Location.staysInside(dir)).isTrue();
    assertThat(Location.directory("/lake/data/main/t").resolve(dir).value())
        .isEqualTo("/lake/data/main/t/..%2F..%2F..%2F..%2Fescaped=v/");
  }

  @Test
  void transformKeysKeepTheirPlainNames() {
    PartitionKey year =
        new PartitionKey(0, LakeColumn.of(1, "at day", LakeType.of(TypeId.DATE)), "year");
    assertThat(year.directory("2025")).isEqualTo("year=2025");
  }
}
