package io.quacklake.internal.write;

import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A table's data files kept open across batches, one per partition (one in all when the table is
 * not partitioned): each batch's rows are appended to their partition's file, and files are
 * finished at the target size, so a writer fed many small batches makes files of the target size
 * rather than a file per batch. At most {@value #MAX_OPEN} files are open at once; opening another
 * finishes the one written least recently. Not thread-safe.
 */
public final class PartitionedDataFiles {
  static final int MAX_OPEN = 16;

  private final WriteContext context;
  private final Location tableDir;
  private final List<LakeColumn> columns;
  private final List<PartitionKey> keys;
  private final BufferAllocator allocator;
  private final LinkedHashMap<List<String>, Open> open = new LinkedHashMap<>(16, 0.75f, true);

  /** A partition's open file and how its finished files are published. */
  private record Open(String directory, List<String> values, RollingDataFile file) {
    Consumer<PendingDataFile> publishing(Consumer<PendingDataFile> finished) {
      return directory == null
          ? finished
          : f -> finished.accept(f.partitioned(directory, -1, values));
    }
  }

  public PartitionedDataFiles(
      WriteContext context,
      Location tableDir,
      List<LakeColumn> columns,
      List<PartitionKey> keys,
      BufferAllocator allocator) {
    this.context = context;
    this.tableDir = tableDir;
    this.columns = List.copyOf(columns);
    this.keys = List.copyOf(keys);
    this.allocator = allocator;
  }

  /**
   * Appends a batch in the table's layout; files finished along the way (at the target size, or to
   * stay within the open-file limit) are handed to {@code finished}, with their partition values.
   */
  public void write(VectorSchemaRoot aligned, Consumer<PendingDataFile> finished) {
    if (keys.isEmpty()) {
      Open o = fileOf(List.of(), null, finished);
      o.file().write(aligned, o.publishing(finished));
      return;
    }
    List<PartitionSplit.Part> parts = PartitionSplit.split(aligned, columns, keys, allocator);
    try {
      for (PartitionSplit.Part part : parts) {
        Open o = fileOf(part.values(), part.directory(), finished);
        o.file().write(part.batch(), o.publishing(finished));
      }
    } finally {
      parts.forEach(p -> p.batch().close());
    }
  }

  private Open fileOf(List<String> values, String directory, Consumer<PendingDataFile> finished) {
    Open o = open.get(values);
    if (o != null) {
      return o;
    }
    if (open.size() >= MAX_OPEN) {
      Iterator<Map.Entry<List<String>, Open>> eldest = open.entrySet().iterator();
      Open least = eldest.next().getValue();
      eldest.remove();
      least.file().finish(least.publishing(finished));
    }
    Location dir = directory == null ? tableDir : tableDir.resolve(directory);
    o = new Open(directory, values, new RollingDataFile(context, dir, columns));
    open.put(values, o);
    return o;
  }

  /** Finishes every open file, handing each to {@code finished}. */
  public void finish(Consumer<PendingDataFile> finished) {
    List<Open> all = new ArrayList<>(open.values());
    open.clear();
    RuntimeException failure = null;
    for (Open o : all) {
      try {
        if (failure == null) {
          o.file().finish(o.publishing(finished));
        } else {
          o.file().abort();
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Gives every open file up; nothing of them is published. */
  public void abort() {
    RuntimeException failure = null;
    for (Open o : open.values()) {
      try {
        o.file().abort();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
