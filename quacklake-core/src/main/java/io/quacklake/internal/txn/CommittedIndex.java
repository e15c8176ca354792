package io.quacklake.internal.txn;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changes of all concurrent snapshots, indexed for the conflict rules. Names match
 * case-insensitively; when several snapshots made the same change the earliest is reported.
 */
final class CommittedIndex {
  /** A change found in a concurrent snapshot. */
  record Hit(long snapshotId, Change change) {}

  private final Map<ChangeKind, Map<Long, Hit>> byId = new EnumMap<>(ChangeKind.class);
  private final Map<NameKey, Hit> createdSchemas = new HashMap<>();
  private final Map<Integer, Map<NameKey, Map<NameKey, Hit>>> createdEntries = new HashMap<>();

  CommittedIndex(List<CommittedChanges> snapshots) {
    List<CommittedChanges> ordered =
        snapshots.stream().sorted(Comparator.comparingLong(CommittedChanges::snapshotId)).toList();
    for (CommittedChanges snapshot : ordered) {
      for (Change change : snapshot.changes().changes()) {
        add(new Hit(snapshot.snapshotId(), change));
      }
    }
  }

  private void add(Hit hit) {
    Change change = hit.change();
    if (change instanceof Change.IdChange idChange) {
      byId.computeIfAbsent(change.kind(), k -> new HashMap<>()).putIfAbsent(idChange.id(), hit);
    } else if (change instanceof Change.CreatedSchema schema) {
      createdSchemas.putIfAbsent(NameKey.of(schema.name()), hit);
    } else if (change instanceof Change.CreatedEntry entry) {
      createdEntries
          .computeIfAbsent(entry.kind().emitGroup(), k -> new HashMap<>())
          .computeIfAbsent(NameKey.of(entry.schema()), k -> new HashMap<>())
          .putIfAbsent(NameKey.of(entry.name()), hit);
    }
  }

  Optional<Hit> id(ChangeKind kind, long id) {
    return Optional.ofNullable(byId.getOrDefault(kind, Map.of()).get(id));
  }

  boolean hasId(ChangeKind kind, long id) {
    return id(kind, id).isPresent();
  }

  Optional<Hit> createdSchema(String name) {
    return Optional.ofNullable(createdSchemas.get(NameKey.of(name)));
  }

  /** A created entry with the same name in the same namespace (tables and views share one). */
  Optional<Hit> createdEntry(ChangeKind kind, String schema, String name) {
    return Optional.ofNullable(inSchema(kind, schema).get(NameKey.of(name)));
  }

  /** The first table or view created in the schema named {@code schema}, by snapshot. */
  Optional<Hit> createdTableOrView(String schema) {
    return inSchema(ChangeKind.CREATED_TABLE, schema).values().stream()
        .min(Comparator.comparingLong(Hit::snapshotId).thenComparing(hit -> hit.change().toText()));
  }

  private Map<NameKey, Hit> inSchema(ChangeKind kind, String schema) {
    return createdEntries
        .getOrDefault(kind.emitGroup(), Map.of())
        .getOrDefault(NameKey.of(schema), Map.of());
  }
}
