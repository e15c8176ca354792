/**
 * Delete files of every format DuckLake knows: reading Parquet positional delete files and Puffin
 * deletion vectors (a bare {@code deletion-vector-v1} blob or a Puffin container of cumulative
 * blobs, one per snapshot) into one value, and writing deletion vectors as DuckDB does. The Parquet
 * delete file's own codec lives in {@code internal.parquet}.
 */
package io.quacklake.internal.deletes;
