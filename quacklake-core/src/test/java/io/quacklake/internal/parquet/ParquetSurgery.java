package io.quacklake.internal.parquet;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/** Writes a small real Parquet file and patches what it declares, as a hostile file would. */
final class ParquetSurgery {
  static final LakeColumn ID = LakeColumn.of(1, "id", LakeType.of(TypeId.INT64));
  static final LakeColumn S = LakeColumn.of(2, "s", LakeType.of(TypeId.VARCHAR));
  static final int ROWS = 1000;

  private ParquetSurgery() {}

  /** {@link #ROWS} rows: id 0.., s 'v' || id % 10 (dictionary-encoded). */
  static Path write(Path file, ParquetCompression codec) {
    List<LakeColumn> cols = List.of(ID, S);
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(cols), allocator)) {
      root.allocateNew();
      for (int i = 0; i < ROWS; i++) {
        WriterTestVectors.set(root.getVector(0), i, (long) i);
        WriterTestVectors.set(root.getVector(1), i, "v" + (i % 10));
      }
      root.setRowCount(ROWS);
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
              new LocalObjectStore(),
              Location.of(file.toString()),
              cols,
              ParquetWriteOptions.defaults().withCompression(codec));
      w.write(root);
      w.close();
    }
    return file;
  }

  static void setFooterLength(Path file, int length) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 8, length);
    Files.write(file, bytes);
  }

  static FileMetaData footer(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 8);
    return Util.readFileMetaData(
        new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
  }

  /** Rewrites the footer after {@code edit} changed it. */
  static void patchFooter(Path file, Consumer<FileMetaData> edit) throws IOException {
    FileMetaData meta = footer(file);
    edit.accept(meta);
    byte[] bytes = Files.readAllBytes(file);
    int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, bytes.length - 8 - length);
    writeFooter(out, meta);
    Files.write(file, out.toByteArray());
  }

  static ColumnMetaData chunk(FileMetaData meta, String column) {
    for (ColumnChunk c : meta.getRow_groups().get(0).getColumns()) {
      if (c.getMeta_data().getPath_in_schema().get(0).equals(column)) {
        return c.getMeta_data();
      }
    }
    throw new IllegalArgumentException(column);
  }

  /**
   * Rewrites the first page header of {@code column} (its dictionary page, if it has one) after
   * {@code edit} changed it, moving the bytes after it and the footer's offsets as needed.
   */
  static void patchFirstPage(Path file, String column, Consumer<PageHeader> edit)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    FileMetaData meta = footer(file);
    ColumnMetaData chunk = chunk(meta, column);
    long start =
        chunk.isSetDictionary_page_offset()
            ? chunk.getDictionary_page_offset()
            : chunk.getData_page_offset();
    ByteArrayInputStream in =
        new ByteArrayInputStream(bytes, (int) start, bytes.length - (int) start);
    PageHeader header = Util.readPageHeader(in);
    int oldLength = bytes.length - (int) start - in.available();
    edit.accept(header);
    ByteArrayOutputStream newHeader = new ByteArrayOutputStream();
    Util.writePageHeader(header, newHeader);
    int delta = newHeader.size() - oldLength;
    int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 8);
    int footerStart = bytes.length - 8 - length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, (int) start);
    newHeader.writeTo(out);
    int after = (int) start + oldLength;
    out.write(bytes, after, footerStart - after);
    for (RowGroup group : meta.getRow_groups()) {
      for (ColumnChunk c : group.getColumns()) {
        ColumnMetaData m = c.getMeta_data();
        if (m == chunk) {
          m.setTotal_compressed_size(m.getTotal_compressed_size() + delta);
          if (m.isSetDictionary_page_offset() && m.getData_page_offset() > start) {
            m.setData_page_offset(m.getData_page_offset() + delta);
          }
        } else if (m.getData_page_offset() > start) {
          m.setData_page_offset(m.getData_page_offset() + delta);
          if (m.isSetDictionary_page_offset()) {
            m.setDictionary_page_offset(m.getDictionary_page_offset() + delta);
          }
        }
        c.unsetColumn_index_offset();
        c.unsetColumn_index_length();
        c.unsetOffset_index_offset();
        c.unsetOffset_index_length();
      }
    }
    writeFooter(out, meta);
    Files.write(file, out.toByteArray());
  }

  private static void writeFooter(ByteArrayOutputStream out, FileMetaData meta) throws IOException {
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    footer.writeTo(out);
    byte[] tail = new byte[8];
    ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size());
    tail[4] = 'P';
    tail[5] = 'A';
    tail[6] = 'R';
    tail[7] = '1';
    out.write(tail);
  }
}
