package io.quacklake.internal.expr.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wildcard matcher behind LIKE: DuckDB's semantics, and no backtracking blow-up. */
class LikePatternTest {
  private static boolean like(String value, String pattern) {
    return new LikePattern(pattern, false).matches(value);
  }

  @Test
  void wildcards() {
    assertThat(like("abc", "abc")).isTrue();
    assertThat(like("abc", "a%")).isTrue();
    assertThat(like("abc", "%c")).isTrue();
    assertThat(like("abc", "a_c")).isTrue();
    assertThat(like("ac", "a_c")).isFalse();
    assertThat(like("", "%")).isTrue();
    assertThat(like("", "_")).isFalse();
    assertThat(like("a%b", "a%%b")).isTrue();
    assertThat(like("mississippi", "%iss%ppi")).isTrue();
    assertThat(like("mississippi", "%iss%ppx")).isFalse();
    assertThat(like("é✓x", "__x")).as("one character each, not one byte").isTrue();
    assertThat(new LikePattern("ÉTÉ%", true).matches("étéx")).isTrue();
  }

  @Test
  void aPathologicalPatternOnALongValueEndsAndIsRight() {
    String value = "a".repeat(20_000);
    assertThat(like(value, "%a%a%a%a%a%a%a%a%a%a%b")).isFalse();
    assertThat(like(value + "b", "%a%a%a%a%a%a%a%a%a%a%b")).isTrue();
  }
}
