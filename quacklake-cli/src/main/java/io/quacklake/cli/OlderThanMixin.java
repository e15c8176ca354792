package io.quacklake.cli;

import io.quacklake.Maintenance;
import io.quacklake.exceptions.QuacklakeException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The {@code --older-than TIME|DURATION} option of the maintenance commands: a timestamp as {@code
 * SNAPSHOT} timestamps are written, or a duration ({@code 7 days}) meaning now minus it.
 */
final class OlderThanMixin {
  private static final Pattern DATE = Pattern.compile("\\s*\\d{4}-\\d{2}-\\d{2}.*");

  @Option(
      names = "--older-than",
      paramLabel = "TIME|DURATION",
      description =
          "A timestamp ('2025-01-31 12:00:00', UTC without an offset) or a duration before now"
              + " ('7 days', '12 hours', '30 minutes')")
  String olderThan;

  /** Whether {@code --older-than} was given. */
  boolean given() {
    return olderThan != null;
  }

  /**
   * The cutoff {@code --older-than} names, durations counted back from {@code now}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when it is neither a timestamp nor a duration
   */
  Instant cutoff(Instant now) {
    try {
      return DATE.matcher(olderThan).matches()
          ? TimestampArgument.parse(olderThan)
          : now.minus(Maintenance.parseInterval(olderThan));
    } catch (DateTimeException | QuacklakeException | ArithmeticException e) {
      throw QuacklakeException.invalid(
          "--older-than '%s' is neither a time nor a duration; write a timestamp like"
              + " '2025-01-31 12:00:00' (UTC) or '2025-01-31 12:00:00+02', or a duration like"
              + " '7 days', '12 hours' or '30 minutes'",
          olderThan);
    }
  }
}
