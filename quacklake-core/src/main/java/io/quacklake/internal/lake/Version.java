package io.quacklake.internal.lake;

/** The Quacklake release, as written into {@code created_by}. */
public final class Version {
  public static final String CURRENT = "0.1.0";

  private Version() {}
}
