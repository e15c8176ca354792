package io.quacklake.catalog;

/** A delete file visible at a snapshot ({@code ducklake_delete_file}). */
public record DeleteFileRecord(
    long deleteFileId,
    long dataFileId,
    long beginSnapshot,
    String path,
    boolean pathIsRelative,
    String format,
    long deleteCount,
    long fileSizeBytes,
    String encryptionKey,
    Long partialMax) {}
