package io.quacklake.internal.parquet;

import java.util.Optional;
import java.util.PrimitiveIterator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A row group's pages with the counts they declare checked before a decoder sizes anything by them:
 * a dictionary holds no more entries than its bytes can encode.
 */
final class CheckedPages implements PageReadStore {
  private final PageReadStore pages;

  private CheckedPages(PageReadStore pages) {
    this.pages = pages;
  }

  static PageReadStore of(PageReadStore pages) {
    return new CheckedPages(pages);
  }

  @Override
  public PageReader getPageReader(ColumnDescriptor descriptor) {
    PageReader reader = pages.getPageReader(descriptor);
    return new PageReader() {
      @Override
      public DictionaryPage readDictionaryPage() {
        DictionaryPage page = reader.readDictionaryPage();
        if (page != null) {
          check(page, descriptor);
        }
        return page;
      }

      @Override
      public long getTotalValueCount() {
        return reader.getTotalValueCount();
      }

      @Override
      public DataPage readPage() {
        return reader.readPage();
      }
    };
  }

  private static void check(DictionaryPage page, ColumnDescriptor descriptor) {
    long entries = page.getDictionarySize();
    long bytes = page.getBytes().size();
    long least = leastBytesPerEntry(descriptor.getPrimitiveType());
    if (entries < 0 || entries * least > bytes) {
      throw new ParquetDecodingException(
          "the dictionary of column "
              + String.join(".", descriptor.getPath())
              + " declares "
              + entries
              + " entries but holds only "
              + bytes
              + " bytes");
    }
  }

  /** The fewest bytes a PLAIN dictionary entry of {@code type} takes. */
  private static long leastBytesPerEntry(PrimitiveType type) {
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> 0;
      case INT32, FLOAT, BINARY -> 4;
      case INT64, DOUBLE -> 8;
      case INT96 -> 12;
      case FIXED_LEN_BYTE_ARRAY -> type.getTypeLength();
    };
  }

  @Override
  public long getRowCount() {
    return pages.getRowCount();
  }

  @Override
  public Optional<Long> getRowIndexOffset() {
    return pages.getRowIndexOffset();
  }

  @Override
  public Optional<PrimitiveIterator.OfLong> getRowIndexes() {
    return pages.getRowIndexes();
  }
}
