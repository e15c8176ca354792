package io.quacklake.cli.input;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV (RFC 4180, UTF-8, a byte-order mark is skipped) with a header row naming the table's columns
 * in any order. An empty unquoted field is NULL, {@code ""} an empty string; values convert as
 * DuckDB casts text. Line numbers in errors are those where a record ends (blank lines are
 * skipped).
 */
final class CsvInput {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setNullString("")
          .setQuoteMode(QuoteMode.ALL_NON_NULL)
          .setIgnoreEmptyLines(true)
          .get();

  private CsvInput() {}

  static void read(
      Path file,
      List<LakeColumn> columns,
      long maxRecordBytes,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink)
      throws IOException {
    String name = file.getFileName().toString();
    try (Reader reader = InputText.open(file, true, maxRecordBytes);
        CSVParser parser = parser(reader, name);
        RowBatches batches = new RowBatches(columns, allocator, sink)) {
      HeaderMatch match = HeaderMatch.of(name, parser.getHeaderNames(), columns, false);
      int width = match.columnOf().length;
      Iterator<CSVRecord> records = parser.iterator();
      while (hasNext(records, name, parser.getCurrentLineNumber() + 1)) {
        CSVRecord record = records.next();
        String where = name + " line " + parser.getCurrentLineNumber();
        if (record.size() != width) {
          throw QuacklakeException.invalid(
              "%s: %d fields, but the header has %d", where, record.size(), width);
        }
        for (int i = 0; i < width; i++) {
          LakeColumn column = columns.get(match.columnOf()[i]);
          Object value =
              CellValues.parseCell(record.get(i), column, where + ", column " + column.name());
          batches.set(match.columnOf()[i], value);
        }
        batches.endRow();
      }
      batches.flush();
    }
  }

  private static CSVParser parser(Reader reader, String file) throws IOException {
    try {
      return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    } catch (IllegalArgumentException e) {
      throw QuacklakeException.invalid(
          "%s line 1: the header has a column without a name; name every column (or remove a"
              + " trailing comma)",
          file);
    }
  }

  private static boolean hasNext(Iterator<CSVRecord> records, String file, long line) {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw e;
      }
      throw notCsv(file, line, e.getCause());
    } catch (IllegalStateException e) {
      throw notCsv(file, line, e);
    }
  }

  private static QuacklakeException notCsv(String file, long line, Exception e) {
    return QuacklakeException.invalid(
        "%s after line %d: not valid CSV (%s)", file, line - 1, e.getMessage());
  }
}
