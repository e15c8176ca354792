/**
 * DuckLake Parquet files, both ways. Reading: data files and positional delete files into Arrow
 * batches, columns matched to the table's columns by Parquet field id on every nesting level (by
 * position for legacy files without field ids), decoded column by column straight into Arrow
 * vectors (flat columns page by page, nested ones by Dremel assembly), pruned by row-group
 * statistics, split by row group among readers sharing a file, filtered by deleted positions and,
 * for partial files, by the embedded snapshot id, and, given a row predicate, decoded for matching
 * rows only (late materialization; decision 0010). Writing: Arrow batches into data files exactly
 * as DuckDB lays them out (field ids = column ids, DuckDB's physical and logical types), shredded
 * column by column, with exact file size, footer length and per-leaf statistics; and positional
 * delete files.
 *
 * <p>This is the only package that may import {@code org.apache.parquet}. It must not need Hadoop
 * at run time: files go through {@link io.quacklake.storage.InputFile} and {@link
 * io.quacklake.storage.ObjectStore} with codecs that do not load Hadoop classes. It knows nothing
 * of catalogs or snapshots beyond the numbers its requests carry.
 */
package io.quacklake.internal.parquet;
