package io.quacklake.internal.parquet.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.apache.parquet.format.AesGcmV1;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.EncryptionAlgorithm;
import org.apache.parquet.format.FileCryptoMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Converts between plain Parquet and the encrypted Parquet DuckDB writes: {@code PARE}, then per
 * column chunk each page header and each page as its own {@link GcmModule}, then the plain {@code
 * FileCryptoMetaData} (AES_GCM_V1, no AAD), the footer as one module, the length of these two and
 * {@code PARE}. Page indexes and bloom filters are not carried over (DuckDB writes none into
 * encrypted files).
 */
public final class EncryptedParquet {
  private static final byte[] PARE = "PARE".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private EncryptedParquet() {}

  /**
   * The plain Parquet file an encrypted one holds.
   *
   * @throws GeneralSecurityException when the key does not open a module (wrong key, changed bytes)
   * @throws IllegalArgumentException when the file is not encrypted Parquet, or its algorithm is
   *     not AES_GCM_V1
   * @throws IOException when the Thrift structures inside are damaged
   */
  public static Plain decrypt(byte[] file, byte[] key)
      throws GeneralSecurityException, IOException {
    if (file.length < 12 || !magic(file, 0, PARE) || !magic(file, file.length - 4, PARE)) {
      throw new IllegalArgumentException(
          "it does not begin and end with PARE, the magic of Parquet files with encrypted footers");
    }
    long footerLength = Integer.toUnsignedLong(littleEndian(file, file.length - 8));
    long footerStart = file.length - 8 - footerLength;
    if (footerStart < 4) {
      throw new IllegalArgumentException("its footer length runs past the start of the file");
    }
    ByteArrayInputStream in = new ByteArrayInputStream(file, (int) footerStart, (int) footerLength);
    FileCryptoMetaData crypto = Util.readFileCryptoMetaData(in);
    EncryptionAlgorithm algorithm = crypto.getEncryption_algorithm();
    if (algorithm == null || !algorithm.isSetAES_GCM_V1()) {
      throw new IllegalArgumentException(
          "it is encrypted with " + algorithm + ", not AES_GCM_V1 (the algorithm DuckDB uses)");
    }
    long consumed = footerLength - in.available();
    FileMetaData footer =
        Util.readFileMetaData(
            new ByteArrayInputStream(GcmModule.decrypt(file, footerStart + consumed, key).bytes()));
    Buffer out = new Buffer(file.length);
    out.writeBytes(PAR1);
    for (RowGroup group : footer.getRow_groups()) {
      long groupStart = out.size();
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData meta = chunk.getMeta_data();
        long start = chunkStart(meta);
        long end = start + meta.getTotal_compressed_size();
        long chunkStart = out.size();
        Long dictionary = null;
        Long data = null;
        for (long at = start; at < end; ) {
          GcmModule.Plain header = GcmModule.decrypt(file, at, key);
          PageHeader page = Util.readPageHeader(new ByteArrayInputStream(header.bytes()));
          if (page.getType() == PageType.DICTIONARY_PAGE && dictionary == null) {
            dictionary = (long) out.size();
          } else if (page.getType() != PageType.DICTIONARY_PAGE && data == null) {
            data = (long) out.size();
          }
          out.writeBytes(header.bytes());
          GcmModule.Plain body = GcmModule.decrypt(file, header.next(), key);
          out.writeBytes(body.bytes());
          at = body.next();
        }
        relocate(chunk, chunkStart, out.size() - chunkStart, dictionary, data);
      }
      group.setFile_offset(groupStart);
      group.setTotal_compressed_size(out.size() - groupStart);
    }
    footer.unsetEncryption_algorithm();
    footer.unsetFooter_signing_key_metadata();
    finish(footer, out, PAR1);
    return new Plain(out.bytes(), out.size());
  }

  /** A plain Parquet file: the first {@code length} bytes of {@code bytes}. */
  public record Plain(byte[] bytes, int length) {}

  /** An in-memory stream whose bytes are handed over without a copy. */
  static final class Buffer extends ByteArrayOutputStream {
    Buffer(int capacity) {
      super(capacity);
    }

    byte[] bytes() {
      return buf;
    }
  }

  /**
   * Writes the encrypted form of the plain Parquet file {@code file[0, length)} to {@code out}, as
   * DuckDB writes it, module by module.
   *
   * @return the size of the encrypted footer (crypto metadata and footer module)
   * @throws IllegalArgumentException when {@code file} is not plain Parquet
   * @throws IOException when its Thrift structures are damaged, or {@code out} fails
   */
  public static long encrypt(byte[] file, int length, byte[] key, OutputStream out)
      throws GeneralSecurityException, IOException {
    if (length < 12 || !magic(file, 0, PAR1) || !magic(file, length - 4, PAR1)) {
      throw new IllegalArgumentException("it is not a Parquet file (no PAR1 magic)");
    }
    long footerLength = Integer.toUnsignedLong(littleEndian(file, length - 8));
    FileMetaData footer =
        Util.readFileMetaData(
            new ByteArrayInputStream(file, (int) (length - 8 - footerLength), (int) footerLength));
    long written = 0;
    out.write(PARE);
    written += PARE.length;
    for (RowGroup group : footer.getRow_groups()) {
      long groupStart = written;
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData meta = chunk.getMeta_data();
        long start = chunkStart(meta);
        long end = start + meta.getTotal_compressed_size();
        long chunkStart = written;
        Long dictionary = null;
        Long data = null;
        for (long at = start; at < end; ) {
          ByteArrayInputStream in = new ByteArrayInputStream(file, (int) at, (int) (end - at));
          PageHeader page = Util.readPageHeader(in);
          int headerLength = (int) (end - at) - in.available();
          if (page.getType() == PageType.DICTIONARY_PAGE && dictionary == null) {
            dictionary = written;
          } else if (page.getType() != PageType.DICTIONARY_PAGE && data == null) {
            data = written;
          }
          written += GcmModule.encrypt(file, (int) at, headerLength, key, out);
          written +=
              GcmModule.encrypt(
                  file, (int) at + headerLength, page.getCompressed_page_size(), key, out);
          at += headerLength + page.getCompressed_page_size();
        }
        relocate(chunk, chunkStart, written - chunkStart, dictionary, data);
      }
      group.setFile_offset(groupStart);
      group.setTotal_compressed_size(written - groupStart);
    }
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    Util.writeFileCryptoMetaData(
        new FileCryptoMetaData(EncryptionAlgorithm.AES_GCM_V1(new AesGcmV1())), tail);
    ByteArrayOutputStream plainFooter = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, plainFooter);
    byte[] footerBytes = plainFooter.toByteArray();
    GcmModule.encrypt(footerBytes, 0, footerBytes.length, key, tail);
    long footerSize = tail.size();
    tail.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) footerSize).array());
    tail.writeBytes(PARE);
    tail.writeTo(out);
    return footerSize;
  }

  private static long chunkStart(ColumnMetaData meta) {
    long data = meta.getData_page_offset();
    if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0) {
      return Math.min(data, meta.getDictionary_page_offset());
    }
    return data;
  }

  /** Points a column chunk at where its pages now are; drops indexes and bloom filters. */
  private static void relocate(
      ColumnChunk chunk, long start, long length, Long dictionary, Long data) {
    ColumnMetaData meta = chunk.getMeta_data();
    meta.setData_page_offset(data != null ? data : start);
    if (dictionary != null) {
      meta.setDictionary_page_offset(dictionary);
    } else {
      meta.unsetDictionary_page_offset();
    }
    meta.setTotal_compressed_size(length);
    meta.unsetBloom_filter_offset();
    meta.unsetBloom_filter_length();
    meta.unsetIndex_page_offset();
    chunk.setFile_offset(start);
    chunk.unsetColumn_index_offset();
    chunk.unsetColumn_index_length();
    chunk.unsetOffset_index_offset();
    chunk.unsetOffset_index_length();
    chunk.unsetCrypto_metadata();
    chunk.unsetEncrypted_column_metadata();
  }

  private static void finish(FileMetaData footer, ByteArrayOutputStream out, byte[] magic)
      throws IOException {
    long start = out.size();
    Util.writeFileMetaData(footer, out);
    out.writeBytes(
        ByteBuffer.allocate(4)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt((int) (out.size() - start))
            .array());
    out.writeBytes(magic);
  }

  private static boolean magic(byte[] file, int at, byte[] magic) {
    return Arrays.equals(file, at, at + 4, magic, 0, 4);
  }

  private static int littleEndian(byte[] file, int at) {
    return ByteBuffer.wrap(file, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }
}
