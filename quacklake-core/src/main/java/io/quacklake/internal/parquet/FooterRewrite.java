package io.quacklake.internal.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;

/**
 * Fixes the serialized footer where parquet-java and DuckDB disagree: parquet-java gives INTERVAL
 * columns the logical type UNKNOWN, which DuckDB reads as a NULL-typed column; DuckDB writes only
 * the INTERVAL converted type. And where parquet-java could not shorten a string or blob min/max to
 * {@link #MAX_STATS_BYTES} (a max it cannot round up), the min and max are dropped, as DuckDB drops
 * them, so one long value never lands in the footer.
 */
final class FooterRewrite {
  /** The longest min/max value kept in the footer: DuckDB's {@code MAX_STRING_STATISTICS_SIZE}. */
  static final int MAX_STATS_BYTES = 256;

  private FooterRewrite() {}

  /**
   * Rewrites the end of a file: everything written by {@code ParquetFileWriter.end}, ending in the
   * footer, its 4-byte length and {@code PAR1}. Returns the input when nothing needs fixing.
   */
  static byte[] apply(byte[] tail) throws IOException {
    int n = tail.length;
    if (n < 8 || !new String(tail, n - 4, 4, StandardCharsets.US_ASCII).equals("PAR1")) {
      throw new IOException("Parquet footer does not end with PAR1");
    }
    int footerLength =
        (tail[n - 8] & 0xFF)
            | (tail[n - 7] & 0xFF) << 8
            | (tail[n - 6] & 0xFF) << 16
            | (tail[n - 5] & 0xFF) << 24;
    int footerStart = n - 8 - footerLength;
    FileMetaData meta =
        Util.readFileMetaData(new ByteArrayInputStream(tail, footerStart, footerLength));
    boolean changed = false;
    for (RowGroup group : meta.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        changed |= dropLongMinMax(chunk);
      }
    }
    for (SchemaElement e : meta.getSchema()) {
      if (e.isSetConverted_type()
          && e.getConverted_type() == ConvertedType.INTERVAL
          && e.isSetLogicalType()) {
        e.unsetLogicalType();
        changed = true;
      }
    }
    if (!changed) {
      return tail;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    out.write(tail, 0, footerStart);
    ByteArrayOutputStream footer = new ByteArrayOutputStream(footerLength);
    Util.writeFileMetaData(meta, footer);
    int length = footer.size();
    footer.writeTo(out);
    out.write(
        new byte[] {
          (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)
        });
    out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
    return Arrays.copyOf(out.toByteArray(), out.size());
  }

  private static boolean dropLongMinMax(ColumnChunk chunk) {
    if (!chunk.isSetMeta_data() || !chunk.getMeta_data().isSetStatistics()) {
      return false;
    }
    Statistics s = chunk.getMeta_data().getStatistics();
    if (longer(s.getMin_value())
        || longer(s.getMax_value())
        || longer(s.getMin())
        || longer(s.getMax())) {
      s.unsetMin_value();
      s.unsetMax_value();
      s.unsetMin();
      s.unsetMax();
      return true;
    }
    return false;
  }

  private static boolean longer(byte[] value) {
    return value != null && value.length > MAX_STATS_BYTES;
  }
}
