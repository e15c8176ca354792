package io.quacklake.internal.catalog;

import java.time.Instant;

/**
 * A row of {@code ducklake_files_scheduled_for_deletion}.
 *
 * @param fileId the retired data or delete file's id
 * @param path the stored path
 * @param relative whether {@code path} is relative to the data path
 * @param scheduled when the file was scheduled
 */
public record ScheduledFile(long fileId, String path, boolean relative, Instant scheduled) {}
