package io.quacklake.internal.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  @Test
  void defaultsAreDuckDbs() {
    assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(10, Duration.ofMillis(100), 1.5));
  }

  @Test
  void retriesTenTimesAfterTheFirstAttempt() {
    assertThat(RetryPolicy.DEFAULT.canRetry(0)).isTrue();
    assertThat(RetryPolicy.DEFAULT.canRetry(9)).isTrue();
    assertThat(RetryPolicy.DEFAULT.canRetry(10)).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {0, 1, 2, 42, 1234567})
  void delayIsTheBackedOffWaitTimesAJitterBetweenHalfAndOne(long seed) {
    Random random = new Random(seed);
    for (int attempt = 0; attempt < 10; attempt++) {
      double full = 100 * Math.pow(1.5, attempt);

      long millis = RetryPolicy.DEFAULT.delay(attempt, random).toMillis();

      assertThat(millis)
          .as("seed %d attempt %d", seed, attempt)
          .isBetween((long) (full / 2), (long) full);
    }
  }

  @Test
  void sameSeedSameDelay() {
    assertThat(RetryPolicy.DEFAULT.delay(3, new Random(7)))
        .isEqualTo(RetryPolicy.DEFAULT.delay(3, new Random(7)));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, 1.5))
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), 1.5))
        .hasMessageContaining("initialWait");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, 0)).hasMessageContaining("backoff");
  }
}
