package io.quacklake.cli;

import io.quacklake.Transaction;
import picocli.CommandLine.Option;

/** {@code --message} and {@code --author} of writing commands, stored with their snapshot. */
final class CommitOptionsMixin {
  @Option(names = "--message", paramLabel = "TEXT", description = "Commit message for the snapshot")
  String message;

  @Option(names = "--author", paramLabel = "NAME", description = "Author of the snapshot")
  String author;

  /** Sets them on {@code tx} when given; returns {@code tx}. */
  Transaction apply(Transaction tx) {
    if (message != null || author != null) {
      tx.commitMessage(author, message, null);
    }
    return tx;
  }
}
