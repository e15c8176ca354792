package io.quacklake.internal.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ParquetDecodingException;
import org.xerial.snappy.Snappy;

/**
 * Decompressors for the codecs DuckDB writes (snappy, zstd, gzip, lz4_raw) that, unlike
 * parquet-java's {@code CodecFactory}, never load Hadoop's codec classes. Read-only.
 */
final class StandaloneCodecFactory implements CompressionCodecFactory {
  static final StandaloneCodecFactory INSTANCE = new StandaloneCodecFactory();

  private StandaloneCodecFactory() {}

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    throw new UnsupportedOperationException("read-only codec factory");
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
    return switch (codecName) {
      case UNCOMPRESSED -> new Decompressor(codecName, null);
      case SNAPPY -> new Decompressor(codecName, StandaloneCodecFactory::snappy);
      case ZSTD -> new Decompressor(codecName, StandaloneCodecFactory::zstd);
      case GZIP -> new Decompressor(codecName, StandaloneCodecFactory::gzip);
      case LZ4_RAW -> new Decompressor(codecName, StandaloneCodecFactory::lz4Raw);
      default ->
          throw QuacklakeException.unsupported(
              "Parquet compression codec %s is not supported; rewrite the file with snappy, zstd,"
                  + " gzip or lz4_raw",
              codecName);
    };
  }

  @Override
  public void release() {}

  private static int snappy(byte[] in, int off, int len, byte[] out) throws IOException {
    return Snappy.uncompress(in, off, len, out, 0);
  }

  private static int zstd(byte[] in, int off, int len, byte[] out) {
    long n = Zstd.decompressByteArray(out, 0, out.length, in, off, len);
    if (Zstd.isError(n)) {
      throw new IllegalStateException("zstd: " + Zstd.getErrorName(n));
    }
    return (int) n;
  }

  private static int gzip(byte[] in, int off, int len, byte[] out) throws IOException {
    try (InputStream stream = new GZIPInputStream(new java.io.ByteArrayInputStream(in, off, len))) {
      return stream.readNBytes(out, 0, out.length);
    }
  }

  private static int lz4Raw(byte[] in, int off, int len, byte[] out) {
    return new Lz4Decompressor().decompress(in, off, len, out, 0, out.length);
  }

  /** The bytes as a heap buffer: their own buffer if it is one, else a copy (needs no release). */
  private static ByteBuffer heapBuffer(BytesInput bytes) {
    return bytes.toByteBuffer(HeapByteBufferAllocator.getInstance(), unused -> {});
  }

  @FunctionalInterface
  private interface ByteArrayCodec {
    int decompress(byte[] in, int offset, int length, byte[] out) throws IOException;
  }

  private record Decompressor(CompressionCodecName name, ByteArrayCodec codec)
      implements BytesInputDecompressor {

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      if (codec == null) {
        if (bytes.size() != decompressedSize) {
          throw new ParquetDecodingException(
              "an uncompressed page of "
                  + bytes.size()
                  + " bytes declares "
                  + decompressedSize
                  + " bytes");
        }
        return bytes;
      }
      ByteBuffer in = heapBuffer(bytes);
      byte[] array;
      int offset;
      if (in.hasArray()) {
        array = in.array();
        offset = in.arrayOffset() + in.position();
      } else {
        array = new byte[in.remaining()];
        in.duplicate().get(array);
        offset = 0;
      }
      PageSizes.check(name, array, offset, in.remaining(), decompressedSize);
      byte[] out = new byte[decompressedSize];
      int n;
      try {
        n = codec.decompress(array, offset, in.remaining(), out);
      } catch (RuntimeException e) {
        throw new IOException(name + " decompression failed: " + e.getMessage(), e);
      }
      if (n != decompressedSize) {
        throw new IOException(
            name + " page decompressed to " + n + " bytes, expected " + decompressedSize);
      }
      return BytesInput.from(out);
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.get(in);
      output.put(heapBuffer(decompress(BytesInput.from(in), size)));
    }

    @Override
    public void release() {}
  }
}
