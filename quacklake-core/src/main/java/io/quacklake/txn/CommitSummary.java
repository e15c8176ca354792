package io.quacklake.txn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one commit did, by the categories of DuckDB's change log. */
final class CommitSummary {
  final Set<Long> droppedSchemas = new LinkedHashSet<>();
  final Set<Long> droppedTables = new LinkedHashSet<>();
  final List<String> createdSchemas = new ArrayList<>();
  final List<String[]> createdTables = new ArrayList<>();
  final Set<Long> insertedInto = new LinkedHashSet<>();
  final Set<Long> deletedFrom = new LinkedHashSet<>();
  final Set<Long> altered = new LinkedHashSet<>();
  final Set<Long> inlinedInsert = new LinkedHashSet<>();
  final Set<Long> inlinedDelete = new LinkedHashSet<>();
  final Set<Long> deleteTouchedFiles = new LinkedHashSet<>();
}
