package io.quacklake.internal.changes;

import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * The row ids each snapshot of the range inserted and deleted, as compressed bitmaps: a row id in
 * both sets of one snapshot was updated there (pre- and postimage), not deleted and inserted.
 */
final class ChangeKeys {
  private final Map<Long, Roaring64Bitmap> inserted = new HashMap<>();
  private final Map<Long, Roaring64Bitmap> deleted = new HashMap<>();

  void inserted(long snapshot, long rowId) {
    inserted.computeIfAbsent(snapshot, k -> new Roaring64Bitmap()).addLong(rowId);
  }

  void deleted(long snapshot, long rowId) {
    deleted.computeIfAbsent(snapshot, k -> new Roaring64Bitmap()).addLong(rowId);
  }

  /** Whether {@code snapshot} also inserted {@code rowId} (a deletion is then a preimage). */
  boolean wasInserted(long snapshot, long rowId) {
    Roaring64Bitmap ids = inserted.get(snapshot);
    return ids != null && ids.contains(rowId);
  }

  /** Whether {@code snapshot} also deleted {@code rowId} (an insertion is then a postimage). */
  boolean wasDeleted(long snapshot, long rowId) {
    Roaring64Bitmap ids = deleted.get(snapshot);
    return ids != null && ids.contains(rowId);
  }
}
