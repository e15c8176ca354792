package io.quacklake.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds golden lakes: the copy in this repository ({@code quacklake-testkit/src/test/resources/
 * golden}), the shared folder next to the repository ({@code ../shared/golden}) when it exists, and
 * {@code $QUACKLAKE_GOLDEN_DIR}. A lake is any folder holding a {@code manifest.json}.
 */
public final class GoldenLakes {
  private GoldenLakes() {}

  /** The repository root, from the {@code quacklake.repo.root} property or the working dir. */
  public static Path repositoryRoot() {
    String prop = System.getProperty("quacklake.repo.root");
    Path start = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("quacklake-testkit"))) {
        return p;
      }
    }
    return start.toAbsolutePath();
  }

  /** The lake folders of every source, labelled by source. */
  public static List<GoldenSource> discover() {
    List<GoldenSource> out = new ArrayList<>();
    Path root = repositoryRoot();
    add(out, "repo", root.resolve("quacklake-testkit/src/test/resources/golden"));
    add(out, "shared", root.resolve("../shared/golden").normalize());
    String env = System.getenv("QUACKLAKE_GOLDEN_DIR");
    if (env != null && !env.isBlank()) {
      add(out, "env", Path.of(env));
    }
    return out;
  }

  private static void add(List<GoldenSource> out, String label, Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      children
          .filter(p -> Files.isRegularFile(p.resolve("manifest.json")))
          .sorted()
          .forEach(p -> out.add(new GoldenSource(label, p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A golden lake folder and where it was found. */
  public record GoldenSource(String label, Path dir) {
    @Override
    public String toString() {
      return label + ":" + dir.getFileName();
    }
  }
}
