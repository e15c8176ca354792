package io.quacklake.internal.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ParquetDecodingException;
import org.xerial.snappy.Snappy;

/**
 * The uncompressed size a page declares, checked against its compressed bytes before a buffer of
 * that size is allocated: it must match the size snappy and zstd record in their own headers, and
 * stay within the most each codec can expand its input.
 */
final class PageSizes {
  /** Bytes added to every codec's ratio bound (frame headers, tiny pages). */
  private static final long SLACK = 1 << 10;

  private PageSizes() {}

  /** The most {@code compressed} bytes of {@code codec} can decompress to. */
  static long maxExpansion(CompressionCodecName codec, long compressed) {
    long ratio =
        switch (codec) {
          case UNCOMPRESSED -> 1;
          case SNAPPY -> 32;
          case GZIP -> 1032;
          case LZ4_RAW, LZ4 -> 255;
          case BROTLI -> 1 << 16;
          case ZSTD, LZO -> 1 << 15;
        };
    return compressed > (Long.MAX_VALUE - SLACK) / ratio
        ? Long.MAX_VALUE
        : compressed * ratio + SLACK;
  }

  /**
   * @throws ParquetDecodingException when {@code declared} cannot be the size of {@code in[off ..
   *     off+len)} decompressed by {@code codec}
   */
  static void check(CompressionCodecName codec, byte[] in, int off, int len, int declared) {
    if (declared < 0) {
      throw bad(codec, len, declared, "a negative size");
    }
    try {
      if (codec == CompressionCodecName.SNAPPY) {
        int recorded = Snappy.uncompressedLength(in, off, len);
        if (recorded != declared) {
          throw bad(codec, len, declared, "its snappy header says " + recorded);
        }
        return;
      }
    } catch (IOException e) {
      throw bad(codec, len, declared, "its snappy header is unreadable");
    }
    if (codec == CompressionCodecName.ZSTD) {
      long recorded = Zstd.getFrameContentSize(in, off, len);
      if (recorded == -2) {
        throw bad(codec, len, declared, "its zstd frame header is unreadable");
      }
      if (recorded > declared) {
        throw bad(codec, len, declared, "its zstd frame says " + recorded);
      }
    }
    long bound = maxExpansion(codec, len);
    if (declared > bound) {
      throw bad(codec, len, declared, "more than " + codec + " can expand it to (" + bound + ")");
    }
  }

  private static ParquetDecodingException bad(
      CompressionCodecName codec, int len, int declared, String why) {
    return new ParquetDecodingException(
        "a page of "
            + len
            + " "
            + codec
            + " bytes declares "
            + declared
            + " bytes uncompressed, but "
            + why);
  }
}
