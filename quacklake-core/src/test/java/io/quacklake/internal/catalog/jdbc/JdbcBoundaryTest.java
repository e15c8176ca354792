package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The connection and dialect package sits below the catalog's gateways: none of its main sources
 * imports a gateway, a writes class, {@code CatalogConnection} or {@code CatalogSession}. Checked
 * once failing by adding {@code import io.quacklake.internal.catalog.FileGateway;} to {@code
 * NoLock.java}: the test listed that file.
 */
class JdbcBoundaryTest {
  private static final Pattern ABOVE =
      Pattern.compile(
          "import io\\.quacklake\\.internal\\.catalog\\."
              + "(CatalogConnection|CatalogSession|\\w+Gateway|\\w+Writes)\\b.*");

  @Test
  void importsNothingThatBuildsOnIt() throws IOException {
    Path own = Path.of("src/main/java/io/quacklake/internal/catalog/jdbc");
    assertThat(own).isDirectory();
    try (Stream<Path> files = Files.list(own)) {
      List<Path> offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(JdbcBoundaryTest::importsAbove)
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  private static boolean importsAbove(Path file) {
    try {
      return Files.readAllLines(file).stream().anyMatch(l -> ABOVE.matcher(l).matches());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
