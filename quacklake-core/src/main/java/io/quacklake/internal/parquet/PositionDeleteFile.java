package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.InputFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.ParquetRuntimeException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads a DuckLake positional delete file: column 0 {@code file_path}, column 1 {@code pos} BIGINT,
 * optionally column 2 {@code _ducklake_internal_snapshot_id} BIGINT (a partial deletion file).
 * Columns are matched by position, as DuckDB does; a third column with another name is ignored (the
 * Iceberg variant).
 */
public final class PositionDeleteFile {
  private static final String SNAPSHOT_COLUMN = "_ducklake_internal_snapshot_id";
  private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {};

  private PositionDeleteFile() {}

  /**
   * The deleted 0-based row positions, strictly ascending, keeping in a partial deletion file only
   * the deletes made at or before {@code maxSnapshot}.
   *
   * @throws QuacklakeException CORRUPT when the file does not have the delete file layout or holds
   *     a NULL position
   */
  public static long[] read(InputFile file, long maxSnapshot) {
    Deletes all = readAll(file, maxSnapshot);
    long[] kept = new long[all.positions().length];
    int n = 0;
    for (int i = 0; i < kept.length; i++) {
      if (all.snapshots()[i] <= maxSnapshot) {
        kept[n++] = all.positions()[i];
      }
    }
    return sortedUnique(kept, n);
  }

  /**
   * Every deleted position with the snapshot that deleted it; positions of a file without a
   * snapshot column carry {@code fileSnapshot} (the delete file's begin snapshot). In file order.
   */
  public static Deletes readAll(InputFile file, long fileSnapshot) {
    try (ParquetFileReader reader = ParquetInputFile.open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      ColumnDescriptor pos = bigint(schema, 1, file);
      ColumnDescriptor snapshot = null;
      if (schema.getFieldCount() > 2 && schema.getType(2).getName().equals(SNAPSHOT_COLUMN)) {
        snapshot = bigint(schema, 2, file);
      }
      List<ColumnDescriptor> columns = new ArrayList<>();
      columns.add(pos);
      if (snapshot != null) {
        columns.add(snapshot);
      }
      reader.setRequestedSchema(columns);
      int initial = (int) Math.min(reader.getRecordCount(), 1 << 16);
      long[] positions = new long[initial];
      long[] snapshots = new long[initial];
      int n = 0;
      for (int g = 0; g < reader.getRowGroups().size(); g++) {
        long rows = reader.getRowGroups().get(g).getRowCount();
        if (rows == 0) {
          continue;
        }
        PageReadStore pages = CheckedPages.of(reader.readRowGroup(g));
        ColumnReader p = open(pages, pos);
        ColumnReader s = snapshot == null ? null : open(pages, snapshot);
        for (long r = 0; r < rows; r++) {
          if (n == positions.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16L, 2L * n));
            positions = Arrays.copyOf(positions, grown);
            snapshots = Arrays.copyOf(snapshots, grown);
          }
          positions[n] = value(p, file, "pos");
          snapshots[n] = s == null ? fileSnapshot : value(s, file, SNAPSHOT_COLUMN);
          n++;
        }
      }
      return new Deletes(Arrays.copyOf(positions, n), Arrays.copyOf(snapshots, n));
    } catch (IOException | ParquetRuntimeException e) {
      throw ParquetInputFile.failure(file, "delete positions", e);
    }
  }

  /** Deleted positions and, aligned, the snapshot of each delete. */
  public record Deletes(long[] positions, long[] snapshots) {}

  private static ColumnDescriptor bigint(MessageType schema, int index, InputFile file) {
    if (schema.getFieldCount() <= index) {
      throw QuacklakeException.corrupt(
          "delete file %s has %d columns; expected file_path, pos[, %s]",
          file.location(), schema.getFieldCount(), SNAPSHOT_COLUMN);
    }
    Type t = schema.getType(index);
    if (!t.isPrimitive()
        || t.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.INT64
        || t.isRepetition(Type.Repetition.REPEATED)) {
      throw QuacklakeException.corrupt(
          "delete file %s: column %d ('%s') must be BIGINT but is '%s'",
          file.location(), index, t.getName(), t.toString().trim());
    }
    return schema.getColumnDescription(new String[] {t.getName()});
  }

  private static ColumnReader open(PageReadStore pages, ColumnDescriptor column) {
    return new ColumnReaderImpl(column, pages.getPageReader(column), NO_CONVERTER, null);
  }

  private static long value(ColumnReader reader, InputFile file, String column) {
    if (reader.getCurrentDefinitionLevel() < reader.getDescriptor().getMaxDefinitionLevel()) {
      throw QuacklakeException.corrupt(
          "delete file %s holds a NULL %s; DuckLake delete files never do",
          file.location(), column);
    }
    long v = reader.getLong();
    reader.consume();
    return v;
  }

  private static long[] sortedUnique(long[] values, int n) {
    long[] out = Arrays.copyOf(values, n);
    Arrays.sort(out);
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      if (k == 0 || out[i] != out[k - 1]) {
        out[k++] = out[i];
      }
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }
}
