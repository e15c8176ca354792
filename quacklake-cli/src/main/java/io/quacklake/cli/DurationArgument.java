package io.quacklake.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code DURATION} argument as {@code docs/cli.md} writes it ({@code 7 days}, {@code 12 hours},
 * {@code 30 minutes}), or ISO-8601 ({@code PT1H}).
 */
final class DurationArgument implements ITypeConverter<Duration> {
  private static final Pattern AMOUNT =
      Pattern.compile("(\\d{1,9})\\s*(second|minute|hour|day|week)s?");

  @Override
  public Duration convert(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = AMOUNT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "second" -> Duration.ofSeconds(n);
        case "minute" -> Duration.ofMinutes(n);
        case "hour" -> Duration.ofHours(n);
        case "day" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
    }
    try {
      Duration d = Duration.parse(text.trim());
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException notIso) {
      // reported below
    }
    throw new TypeConversionException(
        "'" + text + "' is not a duration; write e.g. '7 days', '12 hours' or '30 minutes'");
  }
}
