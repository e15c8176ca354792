package io.quacklake.internal.deletes;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.parquet.PositionDeleteFile.Deletes;
import io.quacklake.storage.InputFile;
import java.util.Arrays;

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
    Deletes all = readAll(file, format, fileSnapshot);
    long[] kept = new long[all.positions().length];
    int n = 0;
    for (int i = 0; i < kept.length; i++) {
      if (all.snapshots()[i] <= maxSnapshot) {
        kept[n++] = all.positions()[i];
      }
    }
    long[] out = Arrays.copyOf(kept, n);
    Arrays.sort(out);
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      if (k == 0 || out[i] != out[k - 1]) {
        out[k++] = out[i];
      }
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }
}
