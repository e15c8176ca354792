package io.quacklake.flight.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON encoding of the protocol's messages: snake_case keys, unknown keys refused. */
public final class Messages {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Messages() {}

  /**
   * Reads a message.
   *
   * @param what what the bytes should be, for the error ("scan ticket")
   * @throws QuacklakeException INVALID_ARGUMENT naming what is wrong
   */
  public static <T> T read(byte[] bytes, Class<T> type, String what) {
    if (bytes == null || bytes.length == 0) {
      throw QuacklakeException.invalid("the %s is empty; it is a JSON object", what);
    }
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      String detail = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      throw QuacklakeException.invalid(
          "the %s is not valid: %s (docs/flight.md lists its fields)", what, detail);
    }
  }

  /** The JSON bytes of a message. */
  public static byte[] write(Object message) {
    try {
      return JSON.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw QuacklakeException.internal("cannot encode " + message, e);
    }
  }

  /** The JSON text of a message. */
  public static String text(Object message) {
    return new String(write(message), StandardCharsets.UTF_8);
  }
}
