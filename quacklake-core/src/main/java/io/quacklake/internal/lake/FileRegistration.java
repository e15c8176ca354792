package io.quacklake.internal.lake;

import io.quacklake.AddFilesOptions;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.ExternalFile;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.storage.Location;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registers Parquet files written elsewhere in a table without copying them ({@code
 * ducklake_add_data_files}): each is mapped by name, checked and counted from its footer, and
 * committed with a name mapping; its hive directories ({@code key=value}) give the values of table
 * columns it does not hold. The files stay where they are and are never deleted by the lake when
 * they lie outside its data path.
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
              hiveValues(location.value()),
              options.allowMissing(),
              options.ignoreExtraColumns());
      t.changes()
          .addRegisteredFile(
              new PendingDataFile(location.value(), inspection.facts(), false, 0, null, List.of()),
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

  /** The {@code key=value} directories of a path, keys lower-cased, values percent-decoded. */
  static Map<String, String> hiveValues(String path) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        out.put(
            decode(parts[i].substring(0, eq)).toLowerCase(Locale.ROOT),
            decode(parts[i].substring(eq + 1)));
      }
    }
    return out;
  }

  private static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
      int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
      if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
