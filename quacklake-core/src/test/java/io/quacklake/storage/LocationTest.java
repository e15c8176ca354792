package io.quacklake.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The containment guard: a relative path joined to a directory never leaves it. */
class LocationTest {
  private static final Location DIR = Location.directory("/lake/data/main/t");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x.parquet",
        "..",
        "a/../../x",
        "a/..",
        "../../../../escaped=v/f.parquet",
        "/etc/passwd",
        "//host/x",
        "a\\..\\..\\x",
        "\\x"
      })
  void pathThatCouldLeaveTheDirectoryIsRefused(String relative) {
    assertThat(Location.staysInside(relative)).isFalse();
    assertThatThrownBy(() -> DIR.resolve(relative))
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessage(
            "path '"
                + relative
                + "' would leave directory /lake/data/main/t/: a relative path inside a lake must"
                + " not start with '/' or contain a '..' segment; name the file inside the"
                + " directory");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x.parquet",
        "region=EU/year=2025/f.parquet",
        "..%2F..%2Fescaped=v/f.parquet",
        "a=../f.parquet",
        "..x/x..",
        "./f.parquet",
        ""
      })
  void pathInsideTheDirectoryIsJoined(String relative) {
    assertThat(Location.staysInside(relative)).isTrue();
    assertThat(DIR.resolve(relative).value()).isEqualTo("/lake/data/main/t/" + relative);
  }
}
