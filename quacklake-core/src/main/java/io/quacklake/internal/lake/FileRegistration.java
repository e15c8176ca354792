package io.quacklake.internal.lake;

import io.quacklake.AddFilesOptions;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.ExternalFile;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.storage.Location;
import java.nio.file.Path;
import java.util.List;

/**
 * Registers Parquet files written elsewhere in a table without copying them ({@code
 * ducklake_add_data_files}): each is mapped by name, checked and counted from its footer, and
 * committed with a name mapping; its hive directories ({@code key=value}) give the values of table
 * columns it does not hold and, in a partitioned table, the file's partition values ({@link
 * RegisteredPartition}). The files stay where they are and are never deleted by the lake when they
 * lie outside its data path.
 */
public final class FileRegistration {
  private final LakeContext lake;
  private final TransactionTables tables;

  public FileRegistration(LakeContext lake, TransactionTables tables) {
    this.lake = lake;
    this.tables = tables;
  }

  public void add(TableName name, List<String> paths, AddFilesOptions options) {
    TransactionTables.Target t = tables.target(name);
    if (t.resolved() == null) {
      throw QuacklakeException.unsupported(
          "adding files to table %s created in the same transaction; commit the table first", name);
    }
    for (String path : paths) {
      Location location = location(path);
      try {
        if (!lake.store().exists(location)) {
          throw QuacklakeException.notFound(
              "cannot add %s to table %s: the file does not exist", location, name);
        }
      } catch (java.io.IOException e) {
        throw new QuacklakeException(
            io.quacklake.exceptions.ErrorKind.UNAVAILABLE,
            "cannot check " + location + ": " + e.getMessage(),
            e);
      }
      ExternalFile.Inspection inspection =
          ExternalFile.inspect(
              lake.store().newInputFile(location, -1),
              t.columns(),
              io.quacklake.internal.scan.HivePath.values(location.value()),
              options.allowMissing(),
              options.ignoreExtraColumns());
      t.changes()
          .addRegisteredFile(
              new PendingDataFile(
                  location.value(),
                  inspection.facts(),
                  false,
                  0,
                  null,
                  RegisteredPartition.values(location.value(), t.partitionKeys())),
              inspection.mapping());
    }
  }

  /** A local path made absolute, or a store location ({@code s3://…}, {@code file://…}) as is. */
  private static Location location(String path) {
    if (path.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      return Location.of(path);
    }
    return Location.of(Path.of(path).toAbsolutePath().normalize().toString());
  }
}
