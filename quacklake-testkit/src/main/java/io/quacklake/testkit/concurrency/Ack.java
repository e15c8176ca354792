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
}
