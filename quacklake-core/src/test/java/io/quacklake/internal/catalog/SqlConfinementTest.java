package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Catalog SQL stays behind the catalog package and its sub-packages ({@code jdbc}, {@code
 * versioned}): no other main source file imports {@code java.sql}. Checked once failing by adding
 * {@code import java.sql.Connection;} to {@code txn/ConflictCheck.java}: the test listed that file.
 */
class SqlConfinementTest {
  /** The source folder of the package that owns JDBC, relative to {@code src/main/java}. */
  private static final String CATALOG_PACKAGE_DIR = "io/quacklake/internal/catalog";

  @Test
  void onlyTheCatalogPackageImportsJavaSql() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    Path own = main.resolve(CATALOG_PACKAGE_DIR);
    assertThat(own).isDirectory();
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> offenders =
          files
              .filter(p -> p.toString().endsWith(".java") && !p.startsWith(own))
              .filter(SqlConfinementTest::usesJavaSql)
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  private static boolean usesJavaSql(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .anyMatch(
              l ->
                  l.startsWith("import java.sql.")
                      || l.startsWith("import static java.sql.")
                      || l.contains("java.sql.SQLException")
                      || l.contains("java.sql.Connection"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
