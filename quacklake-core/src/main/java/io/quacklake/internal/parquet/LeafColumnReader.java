package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import org.apache.parquet.VersionParser.ParsedVersion;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Decodes one Parquet leaf column of a row group, batch by batch, into its Arrow vector and the
 * nested vectors it owns (Dremel assembly from repetition and definition levels).
 */
final class LeafColumnReader implements LeafReader {
  private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {};

  private final ColumnDescriptor descriptor;
  private final Level[] path;
  private final int firstOwned;
  private final LeafWriter writer;
  private final boolean flat;
  private final int maxDef;
  private final String file;
  private ColumnReader reader;
  private long remaining;

  LeafColumnReader(
      ColumnDescriptor descriptor, Level[] path, int firstOwned, LeafWriter writer, String file) {
    this.descriptor = descriptor;
    this.path = path;
    this.firstOwned = firstOwned;
    this.writer = writer;
    this.flat = path.length == 1;
    this.maxDef = descriptor.getMaxDefinitionLevel();
    this.file = file;
  }

  @Override
  public void startRowGroup(PageReadStore pages, ParsedVersion writerVersion) {
    PageReader pageReader = pages.getPageReader(descriptor);
    reader = new ColumnReaderImpl(descriptor, pageReader, NO_CONVERTER, writerVersion);
    remaining = pageReader.getTotalValueCount();
  }

  @Override
  public void readRows(int rows) {
    if (flat) {
      readFlat(rows);
      return;
    }
    int seen = 0;
    while (remaining > 0) {
      int r = reader.getCurrentRepetitionLevel();
      if (r == 0) {
        if (seen == rows) {
          return;
        }
        seen++;
      }
      place(r, reader.getCurrentDefinitionLevel());
      reader.consume();
      remaining--;
    }
    if (seen < rows) {
      throw truncated(rows - seen);
    }
  }

  private void readFlat(int rows) {
    if (remaining < rows) {
      throw truncated(rows - remaining);
    }
    ColumnReader r = reader;
    LeafWriter w = writer;
    for (int i = 0; i < rows; i++) {
      if (r.getCurrentDefinitionLevel() == maxDef) {
        w.write(r, i);
      } else {
        w.writeNull(i);
      }
      r.consume();
    }
    remaining -= rows;
    path[0].count = rows;
  }

  private void place(int r, int d) {
    for (int j = firstOwned; j < path.length; j++) {
      Level level = path[j];
      if (r > level.rep) {
        continue;
      }
      if (d < level.slotDef) {
        return;
      }
      boolean present = d >= level.nullDef;
      if (level.kind == Level.Kind.LEAF) {
        int index = level.count++;
        if (present) {
          writer.write(reader, index);
        } else {
          writer.writeNull(index);
        }
      } else {
        level.openSlot(present);
      }
      if (j > firstOwned && path[j - 1].kind == Level.Kind.LIST) {
        path[j - 1].appendElement();
      }
    }
  }

  private QuacklakeException truncated(long missing) {
    return QuacklakeException.corrupt(
        "Parquet file %s: column %s ends %d rows before the end of its row group",
        file, String.join(".", descriptor.getPath()), missing);
  }
}
