package io.quacklake.internal.scan;

import io.quacklake.internal.deletes.DeleteFiles;
import io.quacklake.storage.ObjectStore;
import java.util.Arrays;

/** The positions of a data file deleted at a snapshot: its delete file plus catalog deletes. */
final class DeletedPositions {
  private DeletedPositions() {}

  /** Sorted, distinct positions deleted at or before {@code snapshot}. */
  static long[] of(FileTask task, long snapshot, ObjectStore store) {
    long[] inlined = task.inlinedDeletes();
    if (task.deleteFile() == null) {
      return inlined;
    }
    long[] fromFile =
        DeleteFiles.read(
            io.quacklake.internal.parquet.crypto.FileEncryption.open(
                store,
                task.deleteLocation(),
                task.deleteFile().fileSizeBytes(),
                task.deleteFile().encryptionKey()),
            task.deleteFile().format(),
            task.deleteFile().beginSnapshot(),
            snapshot);
    if (inlined.length == 0) {
      return fromFile;
    }
    long[] merged = Arrays.copyOf(fromFile, fromFile.length + inlined.length);
    System.arraycopy(inlined, 0, merged, fromFile.length, inlined.length);
    return Arrays.stream(merged).sorted().distinct().toArray();
  }

  /** The row filter for a partial file read at {@code snapshot} ({@code MAX_VALUE}: none). */
  static long maxSnapshot(FileTask task, long snapshot) {
    Long partialMax = task.file().partialMax();
    return partialMax != null && partialMax > snapshot ? snapshot : Long.MAX_VALUE;
  }
}
