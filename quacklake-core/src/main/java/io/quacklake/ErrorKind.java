package io.quacklake;

/** Coarse error kinds: each tells the caller what to do next. */
public enum ErrorKind {
  /** The caller passed something wrong; fix the input. */
  INVALID_ARGUMENT(1),
  /** A lake, schema, table, column, snapshot or file does not exist. */
  NOT_FOUND(2),
  /** The object to create exists already. */
  ALREADY_EXISTS(1),
  /** A concurrent commit conflicts with this transaction; nothing was written, retry it. */
  CONFLICT(3),
  /** The commit may or may not have happened; inspect the snapshot log, never clean up. */
  COMMIT_STATE_UNKNOWN(70),
  /** The catalog or storage could not be reached; transient, retry later. */
  UNAVAILABLE(4),
  /** A format version or feature this release does not support. */
  UNSUPPORTED(5),
  /** Data or metadata is damaged or inconsistent. */
  CORRUPT(5),
  /** A bug in Quacklake. */
  INTERNAL(70);

  private final int exitCode;

  ErrorKind(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The CLI exit code for this kind (see docs/cli.md). */
  public int exitCode() {
    return exitCode;
  }
}
