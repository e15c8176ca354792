package io.quacklake.spark;

import io.quacklake.testkit.GoldenLakes;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The Spark SQL example of the repository's README, as the statements a reader would run. */
final class ReadmeExample {
  private ReadmeExample() {}

  /**
   * The statements of the first {@code sql} block under the README's {@code ## Spark} heading, in
   * order, without their {@code --} comments.
   */
  static List<String> sparkSql() throws IOException {
    List<String> lines = Files.readAllLines(GoldenLakes.repositoryRoot().resolve("README.md"));
    int at = lines.indexOf("## Spark");
    while (at >= 0 && at < lines.size() && !lines.get(at).equals("```sql")) {
      at++;
    }
    if (at < 0 || at == lines.size()) {
      throw new AssertionError("README.md has no ```sql block under '## Spark'");
    }
    StringBuilder sql = new StringBuilder();
    for (int i = at + 1; !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i);
      int comment = line.indexOf("--");
      sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    List<String> out = new ArrayList<>();
    for (String statement : sql.toString().split(";")) {
      if (!statement.isBlank()) {
        out.add(statement.strip());
      }
    }
    return out;
  }
}
