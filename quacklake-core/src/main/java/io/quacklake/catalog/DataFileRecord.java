package io.quacklake.catalog;

/** A data file visible at a snapshot ({@code ducklake_data_file}). */
public record DataFileRecord(
    long dataFileId,
    long beginSnapshot,
    String path,
    boolean pathIsRelative,
    String fileFormat,
    long recordCount,
    long fileSizeBytes,
    Long footerSize,
    Long rowIdStart,
    Long partitionId,
    String encryptionKey,
    Long mappingId,
    Long partialMax) {}
