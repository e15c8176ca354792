package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.exceptions.ErrorKind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
  @Test
  void everyErrorKindHasTheExitCodeOfDocsCli() {
    Map<ErrorKind, Integer> expected = new EnumMap<>(ErrorKind.class);
    expected.put(ErrorKind.INVALID_ARGUMENT, 1);
    expected.put(ErrorKind.ALREADY_EXISTS, 1);
    expected.put(ErrorKind.NOT_FOUND, 2);
    expected.put(ErrorKind.CONFLICT, 3);
    expected.put(ErrorKind.UNAVAILABLE, 4);
    expected.put(ErrorKind.UNSUPPORTED, 5);
    expected.put(ErrorKind.CORRUPT, 5);
    expected.put(ErrorKind.COMMIT_STATE_UNKNOWN, 70);
    expected.put(ErrorKind.INTERNAL, 70);
    assertThat(expected).hasSize(ErrorKind.values().length);
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(ErrorReporter.exitCode(kind)).as(kind.name()).isEqualTo(expected.get(kind));
    }
  }
}
