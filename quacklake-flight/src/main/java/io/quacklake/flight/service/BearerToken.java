package io.quacklake.flight.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Admits calls whose {@code authorization} header is {@code Bearer TOKEN}, compared in constant
 * time.
 */
public final class BearerToken implements CallHeaderAuthenticator {
  private final byte[] token;

  public BearerToken(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    String value = headers.get("authorization");
    String prefix = "Bearer ";
    if (value == null
        || !value.regionMatches(true, 0, prefix, 0, prefix.length())
        || !MessageDigest.isEqual(
            value.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8), token)) {
      throw CallStatus.UNAUTHENTICATED
          .withDescription(
              "UNAUTHENTICATED: this server needs the header 'authorization: Bearer TOKEN' with its"
                  + " token")
          .toRuntimeException();
    }
    return () -> "token";
  }
}
