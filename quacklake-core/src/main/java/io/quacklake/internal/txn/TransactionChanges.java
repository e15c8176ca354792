package io.quacklake.internal.txn;

import io.quacklake.exceptions.QuacklakeException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the committing transaction did, with the catalog facts the conflict rules need beyond its
 * {@code changes_made} tokens.
 *
 * @param changes the changes this commit will record; must pass {@link
 *     ChangesMade#validateForCommit()}
 * @param schemaNames id → name of every committed schema this commit drops or creates an entry in;
 *     schemas created by this same commit have no committed id and are left out
 * @param deletedDataFiles data file id → table id of every data file this commit adds a delete file
 *     to or ends because all its rows are deleted; each table must appear as {@code
 *     deleted_from_table}
 */
record TransactionChanges(
    ChangesMade changes, Map<Long, String> schemaNames, Map<Long, Long> deletedDataFiles) {
  public TransactionChanges {
    Objects.requireNonNull(changes, "changes is null");
    schemaNames = Map.copyOf(Objects.requireNonNull(schemaNames, "schemaNames is null"));
    deletedDataFiles =
        Map.copyOf(Objects.requireNonNull(deletedDataFiles, "deletedDataFiles is null"));
    changes.validateForCommit();
    for (long schemaId : changes.ids(ChangeKind.DROPPED_SCHEMA)) {
      if (!schemaNames.containsKey(schemaId)) {
        throw QuacklakeException.invalid(
            "dropped schema %d has no name in schemaNames; pass the name of every dropped schema",
            schemaId);
      }
    }
    for (Change c : changes.changes()) {
      if (c instanceof Change.CreatedEntry entry
          && !createsSchema(changes, entry.schema())
          && !hasSchemaName(schemaNames, entry.schema())) {
        throw QuacklakeException.invalid(
            "%s is created in schema \"%s\" whose id is not in schemaNames; pass the id of every"
                + " committed schema this commit creates entries in",
            entry.value(), entry.schema());
      }
    }
    for (Map.Entry<Long, Long> file : deletedDataFiles.entrySet()) {
      if (!changes.ids(ChangeKind.DELETED_FROM_TABLE).contains(file.getValue())) {
        throw QuacklakeException.invalid(
            "data file %d of table %d is deleted from but the changes do not record"
                + " deleted_from_table:%d",
            file.getKey(), file.getValue(), file.getValue());
      }
    }
  }

  /** Changes with no dropped schemas and no deletes from data files. */
  public static TransactionChanges of(ChangesMade changes) {
    return new TransactionChanges(changes, Map.of(), Map.of());
  }

  private static boolean createsSchema(ChangesMade changes, String name) {
    return changes.changes().stream()
        .anyMatch(
            c ->
                c instanceof Change.CreatedSchema schema
                    && NameKey.of(schema.name()).equals(NameKey.of(name)));
  }

  private static boolean hasSchemaName(Map<Long, String> schemaNames, String name) {
    return schemaNames.values().stream().anyMatch(n -> NameKey.of(n).equals(NameKey.of(name)));
  }

  /** The committed id of the schema named {@code name}, compared case-insensitively. */
  Optional<Long> schemaId(String name) {
    NameKey key = NameKey.of(name);
    return schemaNames.entrySet().stream()
        .filter(e -> NameKey.of(e.getValue()).equals(key))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
