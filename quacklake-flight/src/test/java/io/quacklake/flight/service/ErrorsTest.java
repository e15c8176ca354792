package io.quacklake.flight.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.memory.OutOfMemoryException;
import org.junit.jupiter.api.Test;

/** Quacklake errors and a call's memory cap as Flight status codes with the kind up front. */
class ErrorsTest {
  @Test
  void kindsMapToStatusCodes() {
    assertThat(Errors.toFlight(QuacklakeException.invalid("bad")).status().code())
        .isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
    assertThat(Errors.toFlight(new QuacklakeException(ErrorKind.CONFLICT, "raced")).getMessage())
        .contains("CONFLICT: raced");
    assertThat(Errors.toFlight(new OutOfMemoryException("cap")).status().code())
        .isEqualTo(FlightStatusCode.RESOURCE_EXHAUSTED);
    assertThat(Errors.toFlight(new IllegalStateException("boom")).status().code())
        .isEqualTo(FlightStatusCode.INTERNAL);
  }
}
