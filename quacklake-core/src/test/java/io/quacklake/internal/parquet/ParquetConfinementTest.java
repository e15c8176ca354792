package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** parquet-java stays behind this package: no other main source file imports it. */
class ParquetConfinementTest {
  @Test
  void onlyTheParquetPackageImportsParquetJava() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    Path own = main.resolve("io/quacklake/internal/parquet");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> offenders =
          files
              .filter(p -> p.toString().endsWith(".java") && !p.startsWith(own))
              .filter(ParquetConfinementTest::importsParquet)
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  private static boolean importsParquet(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .anyMatch(
              l ->
                  l.startsWith("import org.apache.parquet")
                      || l.startsWith("import static org.apache.parquet"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
