package io.quacklake.internal.scan;

/**
 * Where a batch of rows comes from, for the columns the projector fills itself.
 *
 * @param dataFileId the data file's id; null for rows inlined in the catalog
 * @param fileName the data file's full path, or the inlined-data table's name
 * @param fileSnapshot the snapshot that inserted rows whose own is not recorded (a data file's
 *     begin snapshot); null when every row records its own
 */
record RowOrigin(Long dataFileId, String fileName, Long fileSnapshot) {}
