package io.quacklake.internal.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression without Hadoop codecs: snappy-java, zstd-jni, aircompressor (LZ4 raw) and the
 * JDK's gzip. Stateless and thread-safe.
 */
final class JavaCodecFactory implements CompressionCodecFactory {
  static final JavaCodecFactory INSTANCE = new JavaCodecFactory();

  /** DuckDB's default zstd level. */
  private static final int ZSTD_LEVEL = 3;

  private JavaCodecFactory() {}

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new Compressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new Decompressor(codec);
  }

  @Override
  public void release() {}

  static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
    return switch (codec) {
      case UNCOMPRESSED -> in;
      case SNAPPY -> Snappy.compress(in);
      case ZSTD -> Zstd.compress(in, ZSTD_LEVEL);
      case GZIP -> gzip(in);
      case LZ4_RAW -> lz4(in);
      default -> throw new IOException("compression codec " + codec + " is not supported");
    };
  }

  static byte[] decompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
    return switch (codec) {
      case UNCOMPRESSED -> in;
      case SNAPPY -> Snappy.uncompress(in);
      case ZSTD -> Zstd.decompress(in, size);
      case GZIP -> new GZIPInputStream(new java.io.ByteArrayInputStream(in)).readNBytes(size);
      case LZ4_RAW -> {
        byte[] out = new byte[size];
        new Lz4Decompressor().decompress(in, 0, in.length, out, 0, size);
        yield out;
      }
      default -> throw new IOException("compression codec " + codec + " is not supported");
    };
  }

  private static byte[] gzip(byte[] in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(in);
    }
    return out.toByteArray();
  }

  private static byte[] lz4(byte[] in) {
    Lz4Compressor c = new Lz4Compressor();
    byte[] out = new byte[c.maxCompressedLength(in.length)];
    int n = c.compress(in, 0, in.length, out, 0, out.length);
    return Arrays.copyOf(out, n);
  }

  /**
   * The page's bytes in one exact array, copied once (reading it through {@code
   * toInputStream().readAllBytes()} copied it three times, a tenth of an append's time).
   */
  private static byte[] bytes(BytesInput in) throws IOException {
    Exact out = new Exact((int) in.size());
    in.writeAllTo(out);
    return out.bytes();
  }

  /** An output stream of a known size whose array is handed over without a copy. */
  private static final class Exact extends ByteArrayOutputStream {
    Exact(int size) {
      super(size);
    }

    byte[] bytes() {
      return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }
  }

  private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      return BytesInput.from(JavaCodecFactory.compress(codec, bytes(bytes)));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }

  private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      return BytesInput.from(JavaCodecFactory.decompress(codec, bytes(bytes), uncompressedSize));
    }

    @Override
    public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int size)
        throws IOException {
      byte[] src = new byte[compressedSize];
      in.get(src);
      out.put(JavaCodecFactory.decompress(codec, src, size));
    }

    @Override
    public void release() {}
  }
}
