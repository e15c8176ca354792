package io.quacklake.storage;

/** The result of {@link SupportsConditionalWrites#createIfAbsent}. */
public enum CreateOutcome {
  /** This call created the object with the given content. */
  CREATED,
  /** The object already existed (with other content); nothing was written. */
  ALREADY_EXISTS
}
