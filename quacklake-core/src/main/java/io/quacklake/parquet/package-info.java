/**
 * Reads DuckLake Parquet data files and positional delete files into Arrow batches. Columns are
 * matched to the table's columns by Parquet field id on every nesting level (by position for legacy
 * files without field ids), decoded column by column straight into Arrow vectors, pruned by row
 * group statistics, and filtered by deleted positions and, for partial files, by the embedded
 * snapshot id.
 *
 * <p>This is the only package that may import {@code org.apache.parquet}. It must not need Hadoop
 * at run time: files are read through {@link io.quacklake.storage.InputFile} and decompressed by
 * codecs that do not load Hadoop classes. It knows nothing of catalogs or snapshots beyond the
 * numbers its {@link io.quacklake.parquet.ParquetReadRequest} carries.
 */
package io.quacklake.parquet;
