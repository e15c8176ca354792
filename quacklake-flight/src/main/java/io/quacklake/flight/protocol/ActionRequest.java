package io.quacklake.flight.protocol;

import java.util.List;
import java.util.Map;

/**
 * The body of a {@code DoAction}: each action reads the fields it needs ({@code docs/flight.md}).
 *
 * @param table {@code schema.table} or {@code table}
 * @param where rows to delete or update, in the CLI's {@code --where} grammar
 * @param set column → new value (JSON scalars; text parsed as the column's type)
 * @param columns column definitions of a new table, {@code "id BIGINT, kind VARCHAR"}
 * @param partitionBy partition keys of a new table ({@code region}, {@code year(ts)})
 * @param transaction a transaction begun with {@code begin}; null for a commit of its own
 * @param olderThan an interval ({@code "7 days"}) for expiry and cleanup
 * @param dryRun only report what expiry or cleanup would do
 */
public record ActionRequest(
    String table,
    String where,
    Map<String, Object> set,
    String columns,
    List<String> partitionBy,
    String transaction,
    String olderThan,
    Boolean dryRun) {

  /** An empty body. */
  public static ActionRequest empty() {
    return new ActionRequest(null, null, null, null, null, null, null, null);
  }

  public boolean isDryRun() {
    return Boolean.TRUE.equals(dryRun);
  }
}
