package io.quacklake.parquet;

import io.quacklake.storage.InputFile;

/** Placeholder until the parquet package lands. */
public final class PositionDeleteFile {
  private PositionDeleteFile() {}

  public static long[] read(InputFile file, long maxSnapshot) {
    throw new UnsupportedOperationException("TODO");
  }
}
