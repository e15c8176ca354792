package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.storage.Location;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/**
 * The footer cache keys by location and recorded size, stays within its estimated heap, and drops
 * the least recently used.
 */
class FooterCacheTest {
  private static final Location A = Location.of("file:///lake/a.parquet");
  private static final Location B = Location.of("file:///lake/b.parquet");
  private static final Location C = Location.of("file:///lake/c.parquet");

  private static ParquetMetadata footer() {
    return new ParquetMetadata(
        new FileMetaData(
            MessageTypeParser.parseMessageType("message m { required int64 id; }"),
            Map.of(),
            "test"),
        List.of());
  }

  @Test
  void aFileIsKnownByLocationAndSize() {
    FooterCache cache = new FooterCache(10 * FooterCache.weight(footer()));
    ParquetMetadata a = footer();
    cache.put(A, 100, a);

    assertThat(cache.get(A, 100)).isSameAs(a);
    assertThat(cache.get(A, 101)).as("same name, another size: another file").isNull();
    assertThat(cache.get(B, 100)).isNull();
  }

  @Test
  void anUnknownSizeIsNeverCached() {
    FooterCache cache = new FooterCache(10 * FooterCache.weight(footer()));
    cache.put(A, -1, footer());
    cache.put(B, 0, footer());

    assertThat(cache.size()).isZero();
    assertThat(cache.get(A, -1)).isNull();
  }

  @Test
  void theLeastRecentlyUsedFooterGoesFirst() {
    FooterCache cache = new FooterCache(2 * FooterCache.weight(footer()));
    ParquetMetadata a = footer();
    cache.put(A, 1, a);
    cache.put(B, 1, footer());
    assertThat(cache.get(A, 1)).isSameAs(a);

    cache.put(C, 1, footer());

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get(A, 1)).isSameAs(a);
    assertThat(cache.get(B, 1)).isNull();
    assertThat(cache.get(C, 1)).isNotNull();
  }

  @Test
  void aFooterLargerThanTheWholeCacheIsNotKept() {
    FooterCache cache = new FooterCache(FooterCache.weight(footer()) - 1);
    cache.put(A, 1, footer());

    assertThat(cache.size()).isZero();
  }

  @Test
  void theFirstFooterKeptForAFileStays() {
    FooterCache cache = new FooterCache(10 * FooterCache.weight(footer()));
    ParquetMetadata first = footer();
    cache.put(A, 1, first);
    cache.put(A, 1, footer());

    assertThat(cache.get(A, 1)).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
  }
}
