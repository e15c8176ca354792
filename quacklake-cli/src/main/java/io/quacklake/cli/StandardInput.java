package io.quacklake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Standard input as a file: the readers need a file (Parquet's footer is at its end), so stdin is
 * copied to a temporary file first, which the caller deletes.
 */
final class StandardInput {
  private StandardInput() {}

  static Path copy() throws IOException {
    Path file = Files.createTempFile("quacklake-stdin-", ".input");
    try {
      Files.copy(System.in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
