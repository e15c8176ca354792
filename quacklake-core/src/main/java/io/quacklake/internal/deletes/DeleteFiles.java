package io.quacklake.internal.deletes;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.parquet.PositionDeleteFile.Deletes;
import io.quacklake.storage.InputFile;

/** Reads a delete file of either DuckLake format by its catalog {@code format}. */
public final class DeleteFiles {
  private DeleteFiles() {}

  /**
   * Every deleted position with the snapshot that deleted it; positions of a file that records no
   * snapshots carry {@code fileSnapshot} (the delete file's begin snapshot).
   *
   * @throws QuacklakeException UNSUPPORTED for a format other than {@code parquet} and {@code
   *     puffin}; CORRUPT for a malformed file
   */
  public static Deletes readAll(InputFile file, String format, long fileSnapshot) {
    if ("parquet".equalsIgnoreCase(format)) {
      return PositionDeleteFile.readAll(file, fileSnapshot);
    }
    if ("puffin".equalsIgnoreCase(format)) {
      return PuffinDeleteFile.readAll(file, fileSnapshot);
    }
    throw QuacklakeException.unsupported(
        "delete file %s has format '%s'; DuckLake delete files are 'parquet' or 'puffin'",
        file.location().value(), format);
  }

  /** The positions deleted at or before {@code maxSnapshot}, strictly ascending. */
  public static long[] read(InputFile file, String format, long fileSnapshot, long maxSnapshot) {
    if ("puffin".equalsIgnoreCase(format)) {
      return PuffinDeleteFile.read(file, fileSnapshot, maxSnapshot);
    }
    if ("parquet".equalsIgnoreCase(format)) {
      // a file without per-row snapshots is visible only at or after its begin snapshot
      return PositionDeleteFile.read(file, maxSnapshot);
    }
    return readAll(file, format, fileSnapshot).positions();
  }
}
