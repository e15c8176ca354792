package io.quacklake.internal.maintenance;

import io.quacklake.internal.parquet.WrittenFile;

/**
 * A file a compaction wrote.
 *
 * @param relativePath its path relative to the table directory
 * @param file its facts and leaf statistics
 */
record CompactedFile(String relativePath, WrittenFile file) {}
