package io.quacklake.internal.parquet;

import org.apache.parquet.VersionParser.ParsedVersion;
import org.apache.parquet.column.page.PageReadStore;

/** Decodes one Parquet leaf column of a row group, batch by batch, into its Arrow vectors. */
interface LeafReader {
  void startRowGroup(PageReadStore pages, ParsedVersion writerVersion);

  /** Decodes the next {@code rows} rows of the row group. */
  void readRows(int rows);
}
