package io.quacklake.internal.parquet;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One Parquet file being written: owns the file writer and the column stores of the open row group,
 * one store per top-level column, so columns can be encoded and their pages compressed on several
 * threads (a store is used by one thread at a time). Callers write values for a run of rows into
 * {@link #writer}s, then call {@link #endRows} (or {@link #endColumnRows} per column, then {@link
 * #completeRows}); the sink cuts row groups at the configured row count or byte size.
 */
final class ParquetFileSink {
  private final DuckLakeParquetSchema schema;
  private final ParquetWriteOptions options;
  private ParquetProperties props;
  private final StoreOutputFile file;
  private final ParquetFileWriter fileWriter;
  private final ColumnStores[] columns;
  private final Map<String, Integer> columnIndex = new HashMap<>();
  private Executor executor;
  private int threads = 1;
  private long rowsInGroup;
  private long rowCount;
  private int generation;

  ParquetFileSink(
      ObjectStore store,
      Location location,
      DuckLakeParquetSchema schema,
      ParquetWriteOptions options) {
    this.schema = schema;
    this.options = options;
    this.props = properties(options, Set.of());
    List<Type> fields = schema.messageType().getFields();
    this.columns = new ColumnStores[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      columns[i] = new ColumnStores(new MessageType(schema.messageType().getName(), fields.get(i)));
      columnIndex.put(fields.get(i).getName(), i);
    }
    this.file =
        new StoreOutputFile(
            store,
            location,
            options.encrypted()
                ? io.quacklake.internal.parquet.crypto.FileEncryption.newKey()
                : null);
    try {
      this.fileWriter =
          new ParquetFileWriter(
              file,
              schema.messageType(),
              ParquetFileWriter.Mode.CREATE,
              options.rowGroupRows(),
              0,
              null,
              props);
      fileWriter.start();
    } catch (IOException e) {
      file.abort();
      throw io("could not create Parquet file", location, e);
    } catch (RuntimeException e) {
      file.abort();
      throw e;
    }
    openRowGroup();
  }

  private static ParquetProperties properties(ParquetWriteOptions options, Set<String> plain) {
    ParquetProperties.Builder b =
        ParquetProperties.builder()
            .withWriterVersion(
                options.formatVersion() == ParquetFormatVersion.V2
                    ? WriterVersion.PARQUET_2_0
                    : WriterVersion.PARQUET_1_0)
            .withPageSize(options.pageSizeBytes())
            .withStatisticsTruncateLength(FooterRewrite.MAX_STATS_BYTES)
            .withDictionaryEncoding(true)
            .withAllocator(new HeapByteBufferAllocator());
    for (String column : plain) {
      b.withDictionaryEncoding(column, false);
    }
    return b.build();
  }

  /**
   * Writes the given leaf columns (dot paths) without a dictionary. Only before the first row: the
   * choice holds for the whole file.
   */
  void writePlain(Set<String> columns) {
    if (rowCount > 0 || rowsInGroup > 0) {
      throw new IllegalStateException("encodings are chosen before the first row");
    }
    if (columns.isEmpty()) {
      return;
    }
    props = properties(options, columns);
    closeStores();
    openRowGroup();
  }

  DuckLakeParquetSchema schema() {
    return schema;
  }

  /**
   * Lets {@link #flushRowGroup} finish the columns of a row group on up to {@code threads} threads,
   * the caller's and {@code executor}'s.
   */
  void flushOn(Executor executor, int threads) {
    this.executor = executor;
    this.threads = executor == null ? 1 : Math.max(1, threads);
  }

  /** The column writer of a leaf in the open row group; changes when {@link #generation} does. */
  ColumnWriter writer(ColumnPath path) {
    String[] leaf = path.toArray();
    Integer column = columnIndex.get(leaf[0]);
    if (column == null) {
      throw new IllegalArgumentException("the file has no column " + path.toDotString());
    }
    ColumnStores c = columns[column];
    return c.columnStore.getColumnWriter(c.schema.getColumnDescription(leaf));
  }

  /** Bumped each time a new row group opens, so callers know to fetch new writers. */
  int generation() {
    return generation;
  }

  /** How many more rows fit into the open row group. */
  long rowsLeftInGroup() {
    return options.rowGroupRows() - rowsInGroup;
  }

  /** Completes {@code rows} rows whose values were all written; may close the row group. */
  void endRows(int rows) {
    for (int c = 0; c < columns.length; c++) {
      endColumnRows(c, rows);
    }
    completeRows(rows);
  }

  /**
   * Ends {@code rows} rows of top-level column {@code column} (in schema order) whose values were
   * written; this may encode and compress a page of it. Safe on any thread for distinct columns.
   */
  void endColumnRows(int column, int rows) {
    ColumnWriteStore store = columns[column].columnStore;
    for (int i = 0; i < rows; i++) {
      store.endRecord();
    }
  }

  /** After {@link #endColumnRows} for every column: counts the rows; may close the row group. */
  void completeRows(int rows) {
    rowsInGroup += rows;
    rowCount += rows;
    boolean full = rowsInGroup >= options.rowGroupRows();
    boolean big = options.rowGroupBytes() > 0 && bufferedSize() >= options.rowGroupBytes();
    if (full || big) {
      flushRowGroup();
      openRowGroup();
    }
  }

  private long bufferedSize() {
    long n = 0;
    for (ColumnStores c : columns) {
      n += c.columnStore.getBufferedSize();
    }
    return n;
  }

  long rowCount() {
    return rowCount;
  }

  /** Bytes written plus bytes buffered for the open row group: about the file's size so far. */
  long estimatedSize() {
    return file.position() + bufferedSize();
  }

  /** Writes the last row group and the footer, and publishes the file; gives it up on failure. */
  WrittenFile finish(Location location) {
    try {
      if (rowsInGroup > 0) {
        flushRowGroup();
      } else {
        closeStores();
      }
      file.captureFooter();
      fileWriter.end(Map.of());
      ParquetMetadata footer = fileWriter.getFooter();
      WrittenFile written =
          FileStatsSummary.summarize(location, footer, schema, file.length(), file.footerLength());
      return file.key() == null ? written : written.encrypted(file.key());
    } catch (IOException e) {
      abort();
      throw io("could not finish Parquet file", location, e);
    } catch (RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  /**
   * Drops buffered data and aborts the store's stream (see {@link StoreOutputFile#abort}): the file
   * never becomes visible under its final name.
   */
  void abort() {
    fileWriter.abort();
    try {
      for (ColumnStores c : columns) {
        c.discard();
      }
    } finally {
      file.abort();
    }
  }

  private void closeStores() {
    for (ColumnStores c : columns) {
      c.close();
    }
  }

  private void openRowGroup() {
    for (ColumnStores c : columns) {
      c.open();
    }
    rowsInGroup = 0;
    generation++;
  }

  /**
   * Finishes every column of the row group (last pages, dictionaries, compression) on the flush
   * threads, then writes the column chunks in schema order.
   */
  private void flushRowGroup() {
    try {
      fileWriter.startBlock(rowsInGroup);
      ColumnTasks.run(columns.length, threads, executor, c -> columns[c].columnStore.flush());
      for (ColumnStores c : columns) {
        c.pageStore.flushToFileWriter(fileWriter);
      }
      fileWriter.endBlock();
    } catch (IOException e) {
      throw io("could not write a row group to", new Location(file.getPath()), e);
    } finally {
      closeStores();
    }
  }

  /** The page and column stores of one top-level column for the open row group. */
  private final class ColumnStores {
    final MessageType schema;
    ColumnChunkPageWriteStore pageStore;
    ColumnWriteStore columnStore;

    ColumnStores(MessageType schema) {
      this.schema = schema;
    }

    void open() {
      pageStore =
          ColumnChunkPageWriteStore.builder()
              .withCompressorProvider(
                  path -> JavaCodecFactory.INSTANCE.getCompressor(options.compression().codec()))
              .withSchema(schema)
              .withAllocator(props.getAllocator())
              .withColumnIndexTruncateLength(props.getColumnIndexTruncateLength())
              .build();
      columnStore = props.newColumnWriteStore(schema, pageStore, pageStore);
    }

    void close() {
      if (columnStore != null) {
        columnStore.close();
        pageStore.close();
        columnStore = null;
      }
    }

    /**
     * Releases the row group's pages without finishing them: closing the column store would encode
     * and compress every buffered page only to drop it.
     */
    void discard() {
      if (columnStore != null) {
        columnStore = null;
        pageStore.close();
      }
    }
  }

  static QuacklakeException io(String what, Location location, IOException e) {
    return new QuacklakeException(
        ErrorKind.UNAVAILABLE, what + " " + location + ": " + e.getMessage(), e);
  }
}
