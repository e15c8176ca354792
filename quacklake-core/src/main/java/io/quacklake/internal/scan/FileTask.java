package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.storage.Location;

/**
 * One data file to read.
 *
 * @param file its catalog row
 * @param location where it is
 * @param deleteFile its live delete file, or null
 * @param deleteLocation where the delete file is, or null
 * @param inlinedDeletes positions deleted through the catalog, sorted, possibly empty
 */
public record FileTask(
    DataFileRecord file,
    Location location,
    DeleteFileRecord deleteFile,
    Location deleteLocation,
    long[] inlinedDeletes) {}
