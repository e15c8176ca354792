package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.SeekableStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Facts from a Parquet file's footer, as the catalog records them for a data file.
 *
 * @param fileSize the file length in bytes
 * @param footerSize the footer length field stored before the trailing magic ({@code
 *     ducklake_data_file.footer_size})
 * @param rowGroups the number of row groups
 * @param rowCount the number of rows
 * @param createdBy the writer's {@code created_by} string, or null
 */
record ParquetFooter(
    long fileSize, long footerSize, int rowGroups, long rowCount, String createdBy) {

  /**
   * Reads the footer of {@code file}.
   *
   * @throws QuacklakeException CORRUPT when the file is not a readable Parquet file
   */
  public static ParquetFooter read(InputFile file) {
    long footerSize;
    long size;
    try (SeekableStream in = file.newStream()) {
      size = file.length();
      if (size < 12) {
        throw QuacklakeException.corrupt(
            "%s is %d bytes long, too short for a Parquet file", file.location(), size);
      }
      in.seek(size - 8);
      byte[] tail = in.readNBytes(8);
      if (tail.length != 8
          || tail[4] != 'P'
          || tail[5] != 'A'
          || tail[6] != 'R'
          || tail[7] != '1') {
        throw QuacklakeException.corrupt(
            "%s does not end with the Parquet magic PAR1 (encrypted footers are not supported)",
            file.location());
      }
      footerSize =
          Integer.toUnsignedLong(
              ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    } catch (IOException e) {
      throw ParquetInputFile.storeFailure(file, "footer", e);
    }
    if (footerSize > size - 12) {
      throw QuacklakeException.corrupt(
          "Parquet file %s is damaged: its footer length %d does not fit in the file's %d bytes;"
              + " restore or rewrite the file",
          file.location(), footerSize, size);
    }
    try (ParquetFileReader reader = ParquetInputFile.open(file)) {
      long rows = 0;
      for (BlockMetaData block : reader.getRowGroups()) {
        rows += block.getRowCount();
      }
      return new ParquetFooter(
          size,
          footerSize,
          reader.getRowGroups().size(),
          rows,
          reader.getFooter().getFileMetaData().getCreatedBy());
    } catch (IOException e) {
      throw ParquetInputFile.failure(file, "footer", e);
    }
  }
}
