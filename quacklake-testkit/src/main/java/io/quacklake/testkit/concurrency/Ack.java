package io.quacklake.testkit.concurrency;

/**
 * One acknowledged commit of a writer: an append ({@code A}) of ids {@code [first, last]}, or a
 * delete ({@code D}) or update ({@code U}, payload set to {@code u}) of the rows with ids in {@code
 * [first, last]} (of which {@code count} existed).
 */
public record Ack(long snapshot, char kind, long first, long last, long count) {
  public String line() {
    return snapshot + " " + kind + " " + first + " " + last + " " + count;
  }

  public static Ack parse(String line) {
    String[] p = line.trim().split(" ");
    return new Ack(
        Long.parseLong(p[0]),
        p[1].charAt(0),
        Long.parseLong(p[2]),
        Long.parseLong(p[3]),
        Long.parseLong(p[4]));
  }

  /**
   * The acknowledged commits in the logs {@code writer-1.log} … {@code writer-N.log} of {@code dir}
   * (missing logs are empty; blank lines and {@code X} lines, which are not commits, are skipped).
   */
  public static java.util.List<Ack> readLogs(java.nio.file.Path dir, int writers)
      throws java.io.IOException {
    java.util.List<Ack> out = new java.util.ArrayList<>();
    for (int w = 1; w <= writers; w++) {
      java.nio.file.Path log = dir.resolve("writer-" + w + ".log");
      if (java.nio.file.Files.exists(log)) {
        for (String line : java.nio.file.Files.readAllLines(log)) {
          if (!line.isBlank() && !line.startsWith("X ")) {
            out.add(parse(line));
          }
        }
      }
    }
    return out;
  }
}
