package io.quacklake.flight.protocol;

import io.quacklake.exceptions.QuacklakeException;
import java.util.List;

/**
 * What a {@code DoPut} does with its stream: the descriptor's command.
 *
 * @param mode {@code append} (the default) or {@code merge}
 * @param table {@code schema.table} or {@code table}
 * @param on the key columns of a merge
 * @param transaction a transaction begun with the {@code begin} action, or null for a commit of its
 *     own
 * @param rows how many rows the client sends, or null: when given, a stream that ends with fewer or
 *     more (a client that closed its writer after a failure) commits nothing
 */
public record UploadRequest(
    String mode, String table, List<String> on, String transaction, Long rows) {
  public UploadRequest {
    mode = mode == null ? "append" : mode;
    if (table == null || table.isBlank()) {
      throw QuacklakeException.invalid("an upload needs a table");
    }
    if (!mode.equals("append") && !mode.equals("merge")) {
      throw QuacklakeException.invalid("upload mode '%s' is not append or merge", mode);
    }
    if (mode.equals("merge") && (on == null || on.isEmpty())) {
      throw QuacklakeException.invalid("a merge needs key columns ('on')");
    }
  }

  public boolean merge() {
    return mode.equals("merge");
  }
}
