package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import org.apache.parquet.CorruptDeltaByteArrays;
import org.apache.parquet.VersionParser.ParsedVersion;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.RequiresPreviousReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes a flat leaf column (top level, not repeated, at most one optional level) a page at a
 * time: definition levels in bulk, PLAIN and dictionary values straight from the page bytes, and
 * each value handed to its {@link LeafWriter} without parquet-java's per-value record machinery.
 * Nested and boolean columns use {@link LeafColumnReader}.
 */
final class FlatColumnReader implements LeafReader {
  /** The physical types read here. */
  enum Kind {
    BOOLEAN(0),
    INT32(4),
    INT64(8),
    FLOAT(4),
    DOUBLE(8),
    BYTES(0);

    /** Bytes per value in Arrow and in PLAIN pages; 0 when not fixed-width. */
    final int width;

    Kind(int width) {
      this.width = width;
    }
  }

  private final ColumnDescriptor descriptor;
  private final Level level;
  private final LeafWriter writer;
  private final Kind kind;
  private final int maxDef;
  private final String file;
  private boolean[] present = new boolean[0];
  private PageReader pages;
  private ParsedVersion writerVersion;
  private DictionaryValues dictionary;
  private DefinitionLevels levels;
  private PageValues values;
  private ValuesReader previousReader;
  private int pageRemaining;
  private long remaining;
  private long fileRow;

  /** For {@link #readSelected}: the batch indexes to store, how many, and the next one. */
  private int[] selected;

  private int selectedCount;
  private int selectedNext;

  private FlatColumnReader(
      ColumnDescriptor descriptor, Level level, LeafWriter writer, Kind kind, String file) {
    this.descriptor = descriptor;
    this.level = level;
    this.writer = writer;
    this.kind = kind;
    this.maxDef = descriptor.getMaxDefinitionLevel();
    this.file = file;
  }

  /** A flat reader for the column, or null when it needs the general (Dremel) reader. */
  static FlatColumnReader tryCreate(
      ColumnDescriptor descriptor, Level[] path, LeafWriter writer, String file) {
    if (path.length != 1
        || descriptor.getMaxRepetitionLevel() != 0
        || descriptor.getMaxDefinitionLevel() > 1) {
      return null;
    }
    PrimitiveTypeName physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
    Kind kind = null;
    if (physical == PrimitiveTypeName.BOOLEAN && writer instanceof LeafWriter.BooleanWriter) {
      kind = Kind.BOOLEAN;
    } else if (physical == PrimitiveTypeName.INT32 && writer instanceof LeafWriter.Int32Writer) {
      kind = Kind.INT32;
    } else if (physical == PrimitiveTypeName.INT64 && writer instanceof LeafWriter.Int64Writer) {
      kind = Kind.INT64;
    } else if (physical == PrimitiveTypeName.FLOAT && writer instanceof LeafWriter.FloatWriter) {
      kind = Kind.FLOAT;
    } else if (physical == PrimitiveTypeName.DOUBLE && writer instanceof LeafWriter.DoubleWriter) {
      kind = Kind.DOUBLE;
    } else if (physical == PrimitiveTypeName.BINARY && writer instanceof LeafWriter.BytesWriter) {
      kind = Kind.BYTES;
    }
    return kind == null ? null : new FlatColumnReader(descriptor, path[0], writer, kind, file);
  }

  @Override
  public void startRowGroup(PageReadStore store, ParsedVersion version) {
    pages = store.getPageReader(descriptor);
    writerVersion = version;
    remaining = pages.getTotalValueCount();
    pageRemaining = 0;
    fileRow = 0;
    previousReader = null;
    DictionaryPage page = pages.readDictionaryPage();
    if (page != null && kind == Kind.BOOLEAN) {
      throw new ParquetDecodingException("boolean column " + column() + " has a dictionary page");
    }
    try {
      dictionary = page == null ? null : DictionaryValues.of(page, descriptor, kind);
    } catch (IOException e) {
      throw new ParquetDecodingException("cannot read the dictionary of " + column(), e);
    }
  }

  @Override
  public void readRows(int rows) {
    readRows(rows, null);
  }

  /**
   * Decodes the next {@code rows} rows, storing only those whose index is marked in {@code wanted}
   * (null: all); the values of the others are passed over and their slots stay null.
   */
  void readRows(int rows, boolean[] wanted) {
    readRows(rows, wanted, -1);
  }

  /**
   * As {@link #readRows(int, boolean[])}, starting at row {@code firstRow} of the row group (-1:
   * where the last batch ended): rows before it are passed over, including rows of pages the store
   * did not load (a row group read for some row ranges only).
   */
  void readRows(int rows, boolean[] wanted, long firstRow) {
    selected = null;
    read(rows, wanted, firstRow);
    level.count = rows;
  }

  /**
   * As {@link #readRows(int, boolean[], long)} for the rows whose batch indexes are {@code
   * selected[0..count)} (ascending), stored compacted: the k-th selected row goes to slot k. The
   * rows passed over cost no slot and no per-row work beyond their definition levels.
   */
  void readSelected(int rows, int[] selected, int count, long firstRow) {
    this.selected = selected;
    this.selectedCount = count;
    this.selectedNext = 0;
    read(rows, null, firstRow);
    level.count = count;
  }

  private void read(int rows, boolean[] wanted, long firstRow) {
    if (firstRow >= 0) {
      skipTo(firstRow);
    }
    if (remaining < rows) {
      throw QuacklakeException.corrupt(
          "Parquet file %s: column %s ends %d rows before the end of its row group",
          file, column(), rows - remaining);
    }
    if (present.length < rows) {
      present = new boolean[rows];
    }
    try {
      int done = 0;
      while (done < rows) {
        if (pageRemaining == 0) {
          long expected = fileRow;
          nextPage();
          if (fileRow != expected) {
            throw new ParquetDecodingException(
                "column "
                    + column()
                    + " has no page holding row "
                    + expected
                    + " of its row group");
          }
        }
        int n = Math.min(rows - done, pageRemaining);
        if (selected != null) {
          decodeSelected(done, n);
        } else {
          decode(done, n, wanted);
        }
        done += n;
        pageRemaining -= n;
        fileRow += n;
      }
    } catch (IndexOutOfBoundsException e) {
      throw new ParquetDecodingException("column " + column() + " has an invalid value", e);
    }
    remaining -= rows;
  }

  /**
   * Decodes the selected rows among batch rows {@code at..at+n} into the next compacted slots,
   * passing over the values of the others in bulk.
   */
  private void decodeSelected(int at, int n) {
    int nulls = levels == null ? 0 : levels.fill(present, n);
    PageValues v = values;
    v.prepare(n - nulls);
    int end = at + n;
    int row = at;
    while (selectedNext < selectedCount && selected[selectedNext] < end) {
      int r = selected[selectedNext];
      int skip = nulls == 0 ? r - row : presentIn(row - at, r - at);
      if (skip > 0) {
        v.skip(skip, kind);
      }
      // consecutive selected rows with values are stored as one run
      int len = 1;
      if (nulls == 0 || present[r - at]) {
        while (selectedNext + len < selectedCount
            && selected[selectedNext + len] == r + len
            && r + len < end
            && (nulls == 0 || present[r + len - at])) {
          len++;
        }
        storeRun(v, selectedNext, len);
      }
      selectedNext += len;
      row = r + len;
    }
    int rest = nulls == 0 ? end - row : presentIn(row - at, n);
    if (rest > 0) {
      v.skip(rest, kind);
    }
  }

  /** How many of {@code present[from..to)} are set. */
  private int presentIn(int from, int to) {
    int k = 0;
    for (int i = from; i < to; i++) {
      if (present[i]) {
        k++;
      }
    }
    return k;
  }

  private void skipTo(long target) {
    while (fileRow < target) {
      if (pageRemaining == 0) {
        nextPage();
        continue;
      }
      int k = (int) Math.min(target - fileRow, pageRemaining);
      if (present.length < k) {
        present = new boolean[k];
      }
      int nulls = levels == null ? 0 : levels.fill(present, k);
      values.prepare(k - nulls);
      values.skip(k - nulls, kind);
      pageRemaining -= k;
      remaining -= k;
      fileRow += k;
    }
    if (fileRow > target) {
      throw new ParquetDecodingException(
          "column " + column() + " has no page holding row " + target + " of its row group");
    }
  }

  /**
   * Decodes {@code n} rows into slots {@code at..}, run by run: nulls are left as they are (a fresh
   * vector's slots are null), unwanted values are skipped, wanted ones stored.
   */
  private void decode(int at, int n, boolean[] wanted) {
    int nulls = levels == null ? 0 : levels.fill(present, n);
    PageValues v = values;
    v.prepare(n - nulls);
    boolean all = nulls == 0;
    if (all && wanted == null) {
      storeRun(v, at, n);
      return;
    }
    if (wanted == null && writer.verbatim) {
      v.scatterTo(writer.vector.getDataBuffer(), at, present, n, kind);
      ValidityBits.setFlags(writer.vector.getValidityBuffer(), at, present, n);
      return;
    }
    int i = 0;
    while (i < n) {
      boolean p = all || present[i];
      boolean w = wanted == null || wanted[at + i];
      int start = i;
      i++;
      while (i < n && (all || present[i]) == p && (wanted == null || wanted[at + i]) == w) {
        i++;
      }
      if (p && w) {
        storeRun(v, at + start, i - start);
      } else if (p) {
        v.skip(i - start, kind);
      }
    }
  }

  /** Stores the next {@code len} (non-null) values into slots {@code at..at+len). */
  private void storeRun(PageValues v, int at, int len) {
    if (writer.verbatim) {
      v.copyTo(writer.vector.getDataBuffer(), (long) at * kind.width, len, kind);
      ValidityBits.setRange(writer.vector.getValidityBuffer(), at, len);
      return;
    }
    int end = at + len;
    switch (kind) {
      case BOOLEAN -> {
        LeafWriter.BooleanWriter w = (LeafWriter.BooleanWriter) writer;
        for (int i = at; i < end; i++) {
          w.put(i, v.nextBoolean());
        }
      }
      case INT32 -> {
        LeafWriter.Int32Writer w = (LeafWriter.Int32Writer) writer;
        for (int i = at; i < end; i++) {
          w.put(i, v.nextInt());
        }
      }
      case INT64 -> {
        LeafWriter.Int64Writer w = (LeafWriter.Int64Writer) writer;
        for (int i = at; i < end; i++) {
          w.put(i, v.nextLong());
        }
      }
      case FLOAT -> {
        LeafWriter.FloatWriter w = (LeafWriter.FloatWriter) writer;
        for (int i = at; i < end; i++) {
          w.put(i, v.nextFloat());
        }
      }
      case DOUBLE -> {
        LeafWriter.DoubleWriter w = (LeafWriter.DoubleWriter) writer;
        for (int i = at; i < end; i++) {
          w.put(i, v.nextDouble());
        }
      }
      case BYTES -> {
        LeafWriter.BytesWriter w = (LeafWriter.BytesWriter) writer;
        for (int i = at; i < end; i++) {
          v.nextBytes(w, i);
        }
      }
    }
  }

  private void nextPage() {
    DataPage page = pages.readPage();
    if (page == null) {
      throw QuacklakeException.corrupt(
          "Parquet file %s: column %s has fewer pages than its row group's values", file, column());
    }
    long first = page.getFirstRowIndex().orElse(fileRow);
    if (first > fileRow) {
      fileRow = first;
    }
    try {
      if (page instanceof DataPageV1 v1) {
        ByteBufferInputStream in = v1.getBytes().toInputStream();
        levels = null;
        if (maxDef > 0) {
          levels = v1LevelsOf(v1, in);
        }
        values = values(v1.getValueEncoding(), in, v1.getValueCount());
        pageRemaining = v1.getValueCount();
      } else if (page instanceof DataPageV2 v2) {
        levels =
            maxDef == 0
                ? null
                : DefinitionLevels.of(
                    new HybridDecoder(
                        // the page's own buffer or a heap copy; a heap buffer needs no release
                        v2.getDefinitionLevels()
                            .toByteBuffer(HeapByteBufferAllocator.getInstance(), unused -> {}),
                        BytesUtils.getWidthFromMaxInt(maxDef)),
                    maxDef);
        values = values(v2.getDataEncoding(), v2.getData().toInputStream(), v2.getValueCount());
        pageRemaining = v2.getValueCount();
      } else {
        throw new ParquetDecodingException("unknown data page " + page.getClass().getSimpleName());
      }
    } catch (IOException e) {
      throw new ParquetDecodingException("cannot read a page of column " + column(), e);
    }
    if (pageRemaining <= 0) {
      throw new ParquetDecodingException("a page of column " + column() + " has no values");
    }
  }

  private DefinitionLevels v1LevelsOf(DataPageV1 page, ByteBufferInputStream in)
      throws IOException {
    if (page.getDlEncoding() == Encoding.RLE) {
      int length = BytesUtils.readIntLittleEndian(in);
      return DefinitionLevels.of(
          new HybridDecoder(in.slice(length), BytesUtils.getWidthFromMaxInt(maxDef)), maxDef);
    }
    ValuesReader dl = page.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
    dl.initFromPage(page.getValueCount(), in);
    return DefinitionLevels.of(dl, maxDef);
  }

  private PageValues values(Encoding encoding, ByteBufferInputStream in, int count)
      throws IOException {
    if (encoding.usesDictionary()) {
      if (dictionary == null || kind == Kind.BOOLEAN) {
        throw new ParquetDecodingException(
            "column " + column() + " has a dictionary-encoded page but no dictionary page");
      }
      int bitWidth = BytesUtils.readIntLittleEndianOnOneByte(in);
      return PageValues.dictionary(
          dictionary, new HybridDecoder(in.slice(in.available()), bitWidth));
    }
    if (encoding == Encoding.PLAIN && kind != Kind.BOOLEAN) {
      return PageValues.plain(in.slice(in.available()));
    }
    ValuesReader reader = encoding.getValuesReader(descriptor, ValuesType.VALUES);
    reader.initFromPage(count, in);
    if (CorruptDeltaByteArrays.requiresSequentialReads(writerVersion, encoding)
        && previousReader instanceof RequiresPreviousReader) {
      ((RequiresPreviousReader) reader).setPreviousReader(previousReader);
    }
    previousReader = reader;
    return PageValues.reader(reader);
  }

  private String column() {
    return String.join(".", descriptor.getPath());
  }
}
