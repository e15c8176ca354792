package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.parquet.NameMapping;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * One data file to read.
 *
 * @param file its catalog row
 * @param location where it is
 * @param deleteFile its live delete file, or null
 * @param deleteLocation where the delete file is, or null
 * @param inlinedDeletes positions deleted through the catalog, sorted, possibly empty
 * @param mapping how the file's columns map to the table's by name, or null (field ids)
 * @param rowGroupFrom the first row group to read
 * @param rowGroupTo the row group to stop before ({@link Integer#MAX_VALUE}: the file's end)
 */
public record FileTask(
    DataFileRecord file,
    Location location,
    DeleteFileRecord deleteFile,
    Location deleteLocation,
    long[] inlinedDeletes,
    NameMapping mapping,
    int rowGroupFrom,
    int rowGroupTo)
    implements java.io.Serializable {

  /** The whole file. */
  public FileTask(
      DataFileRecord file,
      Location location,
      DeleteFileRecord deleteFile,
      Location deleteLocation,
      long[] inlinedDeletes,
      NameMapping mapping) {
    this(file, location, deleteFile, deleteLocation, inlinedDeletes, mapping, 0, Integer.MAX_VALUE);
  }

  /** The same file, row groups {@code from} to {@code to} (exclusive) only. */
  public FileTask rowGroups(int from, int to) {
    return new FileTask(
        file, location, deleteFile, deleteLocation, inlinedDeletes, mapping, from, to);
  }

  /**
   * The columns to request from this file: {@code read}, with the value of each column the name
   * mapping takes from the file's hive path as its default (the file does not hold it).
   */
  public List<LakeColumn> columns(List<LakeColumn> read) {
    if (mapping == null) {
      return read;
    }
    List<LakeColumn> out = new ArrayList<>(read.size());
    for (LakeColumn c : read) {
      NameMapping.Entry e = mapping.top(c.id());
      if (e != null && e.partition()) {
        String value = HivePath.value(location.value(), e.sourceName());
        out.add(
            new LakeColumn(
                c.id(),
                c.name(),
                c.type(),
                c.nullable(),
                value == null ? "NULL" : value,
                c.defaultValue(),
                c.children()));
      } else {
        out.add(c);
      }
    }
    return out;
  }
}
