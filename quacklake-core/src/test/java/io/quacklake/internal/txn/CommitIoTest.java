package io.quacklake.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import org.junit.jupiter.api.Test;

/** Which files a commit may schedule for deletion: only those under the data path. */
class CommitIoTest {
  private static CommitIo rootedAt(String root) {
    return new CommitIo() {
      @Override
      public ObjectStore store() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Location dataRoot() {
        return Location.directory(root);
      }

      @Override
      public Location tableDirectory(long tableId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int inliningLimitInSchema(long schemaId) {
        return 0;
      }

      @Override
      public int inliningLimit(long tableId) {
        return 0;
      }

      @Override
      public ParquetWriteOptions parquetOptions(long tableId) {
        return ParquetWriteOptions.defaults();
      }

      @Override
      public void wrote(Location file) {}
    };
  }

  @Test
  void fileUnderTheDataPathIsKeptRelativeToIt() {
    CommitIo io = rootedAt("/lake/data");
    assertThat(io.pathUnderRoot(Location.of("/lake/data/main/t/x-delete.parquet")))
        .contains("main/t/x-delete.parquet");
    assertThat(rootedAt("s3://b/lake/").pathUnderRoot(Location.of("s3://b/lake/main/t/d.parquet")))
        .contains("main/t/d.parquet");
  }

  @Test
  void fileOutsideTheDataPathIsNeverScheduled() {
    CommitIo io = rootedAt("/lake/data");
    assertThat(io.pathUnderRoot(Location.of("/elsewhere/x-delete.parquet"))).isEmpty();
    assertThat(io.pathUnderRoot(Location.of("/lake/data-other/x.parquet"))).isEmpty();
    assertThat(io.pathUnderRoot(Location.of("/lake/data/../../etc/passwd"))).isEmpty();
    assertThat(io.pathUnderRoot(Location.of("/lake/data/"))).isEmpty();
  }
}
