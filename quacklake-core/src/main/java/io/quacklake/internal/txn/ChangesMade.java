package io.quacklake.internal.txn;

import io.quacklake.exceptions.QuacklakeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An immutable set of {@link Change}s: what one commit did, as recorded in {@code
 * ducklake_snapshot_changes.changes_made}. Changes are kept in the order DuckDB writes them: by
 * {@link ChangeKind} declaration order, ids ascending within a kind, created tables and views
 * together and grouped by schema (first appearance first), otherwise in insertion order. Equal
 * changes are kept once.
 */
final class ChangesMade {
  private static final ChangesMade EMPTY = new ChangesMade(List.of());

  private final List<Change> changes;

  private ChangesMade(List<Change> changes) {
    this.changes = changes;
  }

  public static ChangesMade empty() {
    return EMPTY;
  }

  public static ChangesMade of(Change... changes) {
    return of(Arrays.asList(changes));
  }

  public static ChangesMade of(Collection<? extends Change> changes) {
    List<Change> distinct = new ArrayList<>(new LinkedHashSet<>(changes));
    distinct.forEach(c -> Objects.requireNonNull(c, "change is null"));
    return distinct.isEmpty() ? EMPTY : new ChangesMade(canonicalOrder(distinct));
  }

  /**
   * Parses DuckDB's {@code changes_made} text; {@code null} or empty text means no changes. Also
   * accepts the concatenation of several snapshots' texts joined by commas.
   *
   * @throws QuacklakeException of kind CORRUPT naming the bad token and the text
   */
  public static ChangesMade parse(String text) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    return of(ChangesMadeParser.parse(text));
  }

  /** The {@code changes_made} text DuckDB would write, or {@code null} (SQL NULL) when empty. */
  public String toText() {
    if (changes.isEmpty()) {
      return null;
    }
    return changes.stream().map(Change::toText).collect(Collectors.joining(","));
  }

  public List<Change> changes() {
    return changes;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The union of both sets. */
  public ChangesMade plus(ChangesMade other) {
    List<Change> all = new ArrayList<>(changes);
    all.addAll(other.changes);
    return of(all);
  }

  /** The ids of every change of an id-valued kind, ascending. */
  public SortedSet<Long> ids(ChangeKind kind) {
    SortedSet<Long> ids = new TreeSet<>();
    for (Change c : changes) {
      if (c instanceof Change.IdChange idChange && idChange.kind() == kind) {
        ids.add(idChange.id());
      }
    }
    return ids;
  }

  /**
   * Checks that DuckDB would accept this set as one commit: no legacy tokens, and compaction tokens
   * ({@code merge_adjacent}, {@code rewrite_delete}) not mixed with any other kind of change.
   *
   * @throws QuacklakeException of kind INVALID_ARGUMENT
   */
  public void validateForCommit() {
    for (Change c : changes) {
      if (c.kind().isLegacy()) {
        throw QuacklakeException.invalid(
            "a commit cannot record the legacy change '%s'; use merge_adjacent or rewrite_delete",
            c.toText());
      }
    }
    boolean compaction = changes.stream().anyMatch(c -> c.kind().isCompaction());
    boolean other = changes.stream().anyMatch(c -> !c.kind().isCompaction());
    if (compaction && other) {
      throw QuacklakeException.invalid(
          "a commit either changes tables or compacts them, not both (%s); commit the compaction"
              + " separately",
          toText());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangesMade other && changes.equals(other.changes);
  }

  @Override
  public int hashCode() {
    return changes.hashCode();
  }

  @Override
  public String toString() {
    return changes.isEmpty() ? "<no changes>" : toText();
  }

  private static List<Change> canonicalOrder(List<Change> inserted) {
    Map<Change, Integer> insertion = new HashMap<>();
    Map<List<Object>, Integer> schemaFirstSeen = new HashMap<>();
    Map<Change, Integer> schemaRank = new HashMap<>();
    for (Change c : inserted) {
      insertion.put(c, insertion.size());
      if (c instanceof Change.CreatedEntry entry) {
        List<Object> key = List.of(c.kind().emitGroup(), NameKey.of(entry.schema()));
        schemaRank.put(c, schemaFirstSeen.computeIfAbsent(key, k -> schemaFirstSeen.size()));
      }
    }
    Comparator<Change> order =
        Comparator.<Change>comparingInt(c -> c.kind().emitGroup())
            .thenComparingLong(
                c ->
                    c instanceof Change.IdChange idChange
                        ? idChange.id()
                        : schemaRank(schemaRank, c))
            .thenComparingInt(insertion::get);
    List<Change> sorted = new ArrayList<>(inserted);
    sorted.sort(order);
    return List.copyOf(sorted);
  }

  private static long schemaRank(Map<Change, Integer> schemaRank, Change c) {
    return schemaRank.getOrDefault(c, 0);
  }
}
