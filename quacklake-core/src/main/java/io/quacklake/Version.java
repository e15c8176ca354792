package io.quacklake;

/** The Quacklake release, as written into {@code created_by}. */
final class Version {
  static final String CURRENT = "0.1.0";

  private Version() {}
}
