package io.quacklake;

import io.quacklake.types.ArrowValues;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows of a scan as maps from column name to canonical Java value ({@link
 * io.quacklake.types.LakeValues}). A convenience for scripts and tests; use {@link
 * TableScan#arrow()} for speed.
 */
public final class RowIterator implements Iterator<Map<String, Object>>, AutoCloseable {
  private final ScanReader reader;
  private int row;
  private boolean loaded;

  RowIterator(ScanReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean hasNext() {
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    while (!loaded || row >= root.getRowCount()) {
      if (!reader.loadNextBatch()) {
        return false;
      }
      loaded = true;
      row = 0;
    }
    return true;
  }

  @Override
  public Map<String, Object> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<FieldVector> vectors = reader.getVectorSchemaRoot().getFieldVectors();
    Map<String, Object> out = new LinkedHashMap<>();
    for (FieldVector v : vectors) {
      out.put(v.getName(), ArrowValues.get(v, row));
    }
    row++;
    return out;
  }

  /** Everything that is left, as a list. */
  public List<Map<String, Object>> toList() {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    forEachRemaining(out::add);
    return out;
  }

  /** The scan's metrics so far. */
  public ScanMetrics metrics() {
    return reader.metrics();
  }

  @Override
  public void close() {
    reader.close();
  }
}
