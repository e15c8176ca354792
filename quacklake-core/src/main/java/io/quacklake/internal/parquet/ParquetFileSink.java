package io.quacklake.internal.parquet;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * One Parquet file being written: owns the file writer and the column stores of the open row group.
 * Callers write values for a run of rows into {@link #writer}s, then call {@link #endRows}; the
 * sink cuts row groups at the configured row count or byte size.
 */
final class ParquetFileSink {
  private final DuckLakeParquetSchema schema;
  private final ParquetWriteOptions options;
  private ParquetProperties props;
  private final StoreOutputFile file;
  private final ParquetFileWriter fileWriter;
  private ColumnChunkPageWriteStore pageStore;
  private ColumnWriteStore columnStore;
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

  /** The column writer of a leaf in the open row group; changes when {@link #generation} does. */
  ColumnWriter writer(ColumnPath path) {
    return columnStore.getColumnWriter(schema.messageType().getColumnDescription(path.toArray()));
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
    for (int i = 0; i < rows; i++) {
      columnStore.endRecord();
    }
    rowsInGroup += rows;
    rowCount += rows;
    boolean full = rowsInGroup >= options.rowGroupRows();
    boolean big =
        options.rowGroupBytes() > 0 && columnStore.getBufferedSize() >= options.rowGroupBytes();
    if (full || big) {
      flushRowGroup();
      openRowGroup();
    }
  }

  long rowCount() {
    return rowCount;
  }

  /** Bytes written plus bytes buffered for the open row group: about the file's size so far. */
  long estimatedSize() {
    return file.position() + columnStore.getBufferedSize();
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
      closeStores();
    } finally {
      file.abort();
    }
  }

  private void closeStores() {
    if (columnStore != null) {
      columnStore.close();
      pageStore.close();
      columnStore = null;
    }
  }

  private void openRowGroup() {
    pageStore =
        ColumnChunkPageWriteStore.builder()
            .withCompressorProvider(
                path -> JavaCodecFactory.INSTANCE.getCompressor(options.compression().codec()))
            .withSchema(schema.messageType())
            .withAllocator(props.getAllocator())
            .withColumnIndexTruncateLength(props.getColumnIndexTruncateLength())
            .build();
    columnStore = props.newColumnWriteStore(schema.messageType(), pageStore, pageStore);
    rowsInGroup = 0;
    generation++;
  }

  private void flushRowGroup() {
    try {
      fileWriter.startBlock(rowsInGroup);
      columnStore.flush();
      pageStore.flushToFileWriter(fileWriter);
      fileWriter.endBlock();
    } catch (IOException e) {
      throw io("could not write a row group to", new Location(file.getPath()), e);
    } finally {
      closeStores();
    }
  }

  static QuacklakeException io(String what, Location location, IOException e) {
    return new QuacklakeException(
        ErrorKind.UNAVAILABLE, what + " " + location + ": " + e.getMessage(), e);
  }
}
