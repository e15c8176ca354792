package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import java.lang.reflect.Constructor;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * {@link ParquetReadOptions} built without Hadoop. In parquet-java 1.18 both public builder
 * constructors load Hadoop classes (a Hadoop {@code Configuration}, or {@code ParquetInputFormat},
 * a MapReduce class, to look up a record filter), so the options are made through the
 * package-private constructor the builder itself calls. Re-check on every parquet-java upgrade.
 */
final class StandaloneReadOptions {
  private static final ParquetReadOptions OPTIONS = create();

  private StandaloneReadOptions() {}

  /** Read options: our codecs, heap buffers, no parquet-java filtering, no Hadoop. */
  static ParquetReadOptions get() {
    return OPTIONS;
  }

  private static ParquetReadOptions create() {
    try {
      Constructor<ParquetReadOptions> c =
          ParquetReadOptions.class.getDeclaredConstructor(
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              boolean.class,
              FilterCompat.Filter.class,
              ParquetMetadataConverter.MetadataFilter.class,
              CompressionCodecFactory.class,
              ByteBufferAllocator.class,
              int.class,
              Map.class,
              FileDecryptionProperties.class,
              ParquetMetricsCallback.class,
              ParquetConfiguration.class);
      c.setAccessible(true);
      return c.newInstance(
          false, // signed string min/max
          false, // stats filter
          false, // dictionary filter
          false, // record filter
          false, // column index filter
          false, // page checksum verification
          false, // bloom filter
          false, // off-heap decrypt buffer
          false, // Hadoop vectored IO
          FilterCompat.NOOP,
          ParquetMetadataConverter.NO_FILTER,
          StandaloneCodecFactory.INSTANCE,
          new HeapByteBufferAllocator(),
          8 * 1024 * 1024,
          Map.of(),
          null,
          null,
          new PlainParquetConfiguration());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new QuacklakeException(
          io.quacklake.exceptions.ErrorKind.INTERNAL,
          "cannot create Hadoop-free Parquet read options; the parquet-java version on the class"
              + " path is not the one Quacklake was built for (1.18.x)",
          e);
    }
  }
}
