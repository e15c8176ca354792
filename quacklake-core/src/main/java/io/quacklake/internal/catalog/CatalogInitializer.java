package io.quacklake.internal.catalog;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.jdbc.OptionalLibrary;
import io.quacklake.internal.catalog.jdbc.SqlDialect;
import io.quacklake.internal.catalog.versioned.VersionedCatalog;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Creates a new DuckLake 1.0 catalog exactly as DuckDB does: every fixed table, snapshot 0 with its
 * {@code created_schema:"main"} change, the metadata rows and the {@code main} schema, all in one
 * transaction.
 */
public final class CatalogInitializer {
  private CatalogInitializer() {}

  /**
   * An object-store catalog: the database is built in a local temporary file (rollback journal, so
   * the file alone holds everything) and published as version 1.
   */
  private static void createVersioned(
      CatalogLocation location,
      String dataPath,
      String createdBy,
      StorageSettings storage,
      SpecVersion version) {
    Location root = Location.directory(location.target());
    Path dir;
    try {
      dir = Files.createTempDirectory("quacklake-init");
    } catch (java.io.IOException e) {
      throw new QuacklakeException(ErrorKind.UNAVAILABLE, "cannot create a temporary file", e);
    }
    Path file = dir.resolve("catalog.sqlite");
    try (ObjectStore store = ObjectStores.forLocation(root, storage)) {
      create(
          new CatalogLocation(CatalogKind.SQLITE, file.toString()),
          dataPath,
          createdBy,
          StorageSettings.NONE,
          version);
      try (Connection c =
              io.quacklake.internal.catalog.jdbc.SqliteConnections.open(
                  file.toString(), new java.util.Properties());
          Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=DELETE");
      } catch (SQLException e) {
        throw new QuacklakeException(
            ErrorKind.UNAVAILABLE, "cannot prepare the new catalog: " + e.getMessage(), e);
      }
      VersionedCatalog.create(store, root, file);
    } finally {
      for (String name :
          new String[] {"catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm"}) {
        try {
          Files.deleteIfExists(dir.resolve(name));
        } catch (java.io.IOException ignored) {
          // temporary
        }
      }
      try {
        Files.deleteIfExists(dir);
      } catch (java.io.IOException ignored) {
        // temporary
      }
    }
  }

  private static void prepareFile(CatalogLocation location) {
    Path file = Path.of(location.target());
    if (Files.exists(file)) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS,
          "a catalog already exists at '"
              + location.target()
              + "'; open it instead, or choose another path");
    }
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE, "cannot create the directory " + parent + " for the catalog", e);
    }
  }

  /**
   * @param dataPath the data path to store, normalised with {@code /} and one trailing {@code /}
   * @param createdBy the {@code created_by} value
   * @throws QuacklakeException ALREADY_EXISTS when a catalog is already there; UNSUPPORTED when the
   *     catalog's driver is not on the class path ({@link OptionalLibrary})
   */
  public static void create(CatalogLocation location, String dataPath, String createdBy) {
    create(location, dataPath, createdBy, StorageSettings.NONE);
  }

  /** As {@link #create(CatalogLocation, String, String)}, with settings for an object store. */
  public static void create(
      CatalogLocation location, String dataPath, String createdBy, StorageSettings storage) {
    create(location, dataPath, createdBy, storage, SpecVersion.V1_0);
  }

  /**
   * As {@link #create(CatalogLocation, String, String, StorageSettings)}, in DuckLake {@code
   * version} (1.0 or 1.1-dev1).
   */
  public static void create(
      CatalogLocation location,
      String dataPath,
      String createdBy,
      StorageSettings storage,
      SpecVersion version) {
    if (location.isObjectStore()) {
      createVersioned(location, dataPath, createdBy, storage, version);
      return;
    }
    SqlDialect dialect = SqlDialect.forLocation(location);
    if (location.isFile()) {
      prepareFile(location);
    }
    try (Connection c = dialect.connectNew(location)) {
      if (!location.isFile() && dialect.tableExists(c, "ducklake_metadata")) {
        throw new QuacklakeException(
            ErrorKind.ALREADY_EXISTS,
            "a DuckLake catalog already exists in " + location + "; open it instead");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String ddl : CatalogDdl.createTables(version)) {
          s.execute(dialect.ddl(ddl));
        }
      }
      String now = CatalogTimestamps.format(Instant.now());
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO ducklake_snapshot VALUES (0, "
                  + dialect.timestampParameter()
                  + ", 0, 1, 0)")) {
        ps.setString(1, now);
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO ducklake_snapshot_changes VALUES (0, 'created_schema:\"main\"', NULL,"
                + " NULL, NULL)");
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO ducklake_metadata VALUES (?, ?, NULL, NULL)")) {
        String[][] rows = {
          {"version", version.text()},
          {"created_by", createdBy},
          {"data_path", dataPath},
          {"encrypted", "false"}
        };
        for (String[] r : rows) {
          ps.setString(1, r[0]);
          ps.setString(2, r[1]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO ducklake_schema VALUES (0, ?, 0, NULL, 'main', 'main/', true"
                  + (version.hasReleasedV11Columns() ? ", NULL" : "")
                  + ")")) {
        ps.setString(1, UuidV7.next().toString());
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE, "cannot create catalog " + location + ": " + e.getMessage(), e);
    }
  }
}
