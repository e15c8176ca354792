package io.quacklake.internal.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Compression codecs the Parquet writer supports without Hadoop. DuckDB's default is snappy. */
public enum ParquetCompression {
  UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED),
  SNAPPY(CompressionCodecName.SNAPPY),
  GZIP(CompressionCodecName.GZIP),
  ZSTD(CompressionCodecName.ZSTD),
  LZ4_RAW(CompressionCodecName.LZ4_RAW);

  private final CompressionCodecName codec;

  ParquetCompression(CompressionCodecName codec) {
    this.codec = codec;
  }

  CompressionCodecName codec() {
    return codec;
  }
}
