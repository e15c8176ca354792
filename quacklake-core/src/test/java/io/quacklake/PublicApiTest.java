package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public API of quacklake-core changes only on purpose: the signatures of the public packages,
 * read by reflection from the compiled classes, must equal the listing checked in as {@code
 * api/quacklake-core.api}. A deliberate change is accepted by rewriting that file with {@code
 * -Dquacklake.api.update=true} and committing it with the change.
 */
class PublicApiTest {
  /** The packages users compile against (decision 0012), in a stable order. */
  static final List<String> PUBLIC_PACKAGES =
      List.copyOf(new TreeSet<>(ArchitectureTest.PUBLIC_PACKAGES));

  private static final Path BASELINE = Path.of("api", "quacklake-core.api");
  private static final String UPDATE = "quacklake.api.update";
  private static final String UPDATE_COMMAND =
      "mvn -pl quacklake-core -am test -Dtest=PublicApiTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D"
          + UPDATE
          + "=true";
  private static final String HEADER =
      "# The public API of quacklake-core: every public and protected type, constructor, method\n"
          + "# and field of "
          + String.join(", ", PUBLIC_PACKAGES)
          + ".\n"
          + "# Checked by PublicApiTest; after a deliberate change regenerate it with\n"
          + "#   "
          + UPDATE_COMMAND
          + "\n";

  @Test
  void publicApiEqualsTheCheckedInListing() throws Exception {
    Path classes = Path.of(Lake.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes).as("compiled main classes").isDirectory();
    SortedMap<String, List<String>> current = ApiListing.ofPackages(classes, PUBLIC_PACKAGES);
    assertThat(current).containsKey(Lake.class.getName());

    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(BASELINE.getParent());
      Files.writeString(BASELINE, HEADER + ApiListing.render(current));
      System.err.println("PublicApiTest: wrote " + BASELINE.toAbsolutePath());
      return;
    }
    if (!Files.exists(BASELINE)) {
      fail(BASELINE.toAbsolutePath() + " is missing; create it with " + UPDATE_COMMAND);
    }
    List<String> diff = ApiListing.diff(ApiListing.parse(Files.readAllLines(BASELINE)), current);
    if (!diff.isEmpty()) {
      fail(
          "The public API of quacklake-core differs from quacklake-core/api/quacklake-core.api"
              + " (- recorded, + now):\n"
              + String.join("\n", diff)
              + "\nIf the change is deliberate, accept it with\n  "
              + UPDATE_COMMAND
              + "\nand commit the rewritten file with the change.");
    }
  }
}
