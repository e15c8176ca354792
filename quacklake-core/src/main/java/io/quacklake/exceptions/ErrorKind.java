package io.quacklake.exceptions;

/** Coarse error kinds: each tells the caller what to do next. Later releases may add kinds. */
public enum ErrorKind {
  /** The caller passed something wrong; fix the input. */
  INVALID_ARGUMENT,
  /** A lake, schema, table, column, snapshot or file does not exist. */
  NOT_FOUND,
  /** The object to create exists already. */
  ALREADY_EXISTS,
  /** A concurrent commit conflicts with this transaction; nothing was written, retry it. */
  CONFLICT,
  /** The commit may or may not have happened; inspect the snapshot log, never clean up. */
  COMMIT_STATE_UNKNOWN,
  /** The catalog or storage could not be reached; transient, retry later. */
  UNAVAILABLE,
  /** A format version or feature this release does not support. */
  UNSUPPORTED,
  /** Data or metadata is damaged or inconsistent. */
  CORRUPT,
  /** A bug in Quacklake. */
  INTERNAL
}
