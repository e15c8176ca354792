package io.quacklake.catalog;

import io.quacklake.ErrorKind;
import io.quacklake.QuacklakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The open connection to a DuckLake catalog: its version and global metadata, consistent reads, and
 * write transactions. It starts read-only and reopens read-write on the first write (a DuckDB file
 * allows one configuration per process, and read-only catalogs stay readable). Thread-safe: calls
 * are serialised on the one connection.
 */
public final class CatalogConnection implements AutoCloseable {
  private final CatalogLocation location;
  private final SqlDialect dialect;
  private Connection connection;
  private Connection writer;
  private boolean inWrite;
  private final SpecVersion version;
  private final Map<String, String> metadata;

  private CatalogConnection(
      CatalogLocation location,
      SqlDialect dialect,
      Connection connection,
      SpecVersion version,
      Map<String, String> metadata) {
    this.location = location;
    this.dialect = dialect;
    this.connection = connection;
    this.version = version;
    this.metadata = metadata;
  }

  /**
   * Opens an existing catalog read-only.
   *
   * @throws QuacklakeException NOT_FOUND if there is no catalog, UNSUPPORTED for an unknown
   *     version, INVALID_ARGUMENT if the database is not a DuckLake catalog
   */
  public static CatalogConnection open(CatalogLocation location) {
    if (location.isFile()) {
      if (!Files.isRegularFile(Path.of(location.target()))) {
        throw QuacklakeException.notFound(
            "no catalog at '%s': the file does not exist; check the path or create a lake with"
                + " 'quacklake init'",
            location.target());
      }
    }
    SqlDialect dialect = SqlDialect.of(location.kind());
    Connection connection;
    try {
      connection = dialect.connect(location, true);
    } catch (SQLException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE, "cannot open catalog " + location + ": " + e.getMessage(), e);
    }
    try {
      if (!dialect.tableExists(connection, "ducklake_metadata")) {
        throw QuacklakeException.invalid(
            "%s is a %s database but not a DuckLake catalog (no ducklake_metadata table)",
            location.target(), location.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
      Map<String, String> metadata = readGlobalMetadata(connection);
      String versionText = metadata.get("version");
      if (versionText == null) {
        throw QuacklakeException.corrupt(
            "catalog %s has no 'version' row in ducklake_metadata", location);
      }
      SpecVersion version = SpecVersion.parse(versionText, location.toString());
      return new CatalogConnection(location, dialect, connection, version, metadata);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new QuacklakeException(
          ErrorKind.CORRUPT, "cannot read catalog " + location + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static Map<String, String> readGlobalMetadata(Connection c) throws SQLException {
    Map<String, String> result = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"key\", value, scope FROM ducklake_metadata")) {
      while (rs.next()) {
        if (rs.getString(3) == null) {
          result.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return result;
  }

  public CatalogLocation location() {
    return location;
  }

  public SpecVersion version() {
    return version;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** A global {@code ducklake_metadata} value, or null. */
  public String metadata(String key) {
    return metadata.get(key);
  }

  /** Runs catalog reads on the connection, in one read transaction (a consistent view). */
  public synchronized <T> T read(String what, SqlFunction<T> body) {
    if (inWrite) {
      try {
        return body.apply(writer);
      } catch (SQLException e) {
        throw new QuacklakeException(
            ErrorKind.UNAVAILABLE,
            "catalog " + location + ": reading " + what + " failed: " + e.getMessage(),
            e);
      }
    }
    try {
      connection.setAutoCommit(false);
      try {
        return body.apply(connection);
      } finally {
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "catalog " + location + ": reading " + what + " failed: " + e.getMessage(),
          e);
    }
  }

  /**
   * Runs {@code body} in one catalog write transaction and commits it. On {@link SQLException} the
   * transaction is rolled back and the exception rethrown for the caller to classify.
   */
  public synchronized <T> T write(SqlFunction<T> body) throws SQLException {
    Connection w = writer();
    w.setAutoCommit(false);
    inWrite = true;
    try {
      T result = body.apply(w);
      try {
        w.commit();
      } catch (SQLException e) {
        if (dialect.isBusy(e) || dialect.isDuplicateKey(e)) {
          throw e;
        }
        // The commit may or may not have reached the database: never clean up after it.
        throw new QuacklakeException(
            ErrorKind.COMMIT_STATE_UNKNOWN,
            "the commit to "
                + location
                + " failed while committing ("
                + e.getMessage()
                + "); it may or may not have been applied: check the latest snapshots before"
                + " retrying",
            e);
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        w.rollback();
      } catch (SQLException ignored) {
        // the failure being reported matters more than the rollback's
      }
      throw e;
    } finally {
      inWrite = false;
      w.setAutoCommit(true);
    }
  }

  /**
   * The write connection, opened on first use. SQLite gets a second connection, so that reads keep
   * their deferred read-only transactions and never hold the write lock; DuckDB allows one
   * configuration per file and process, so its read connection is reopened read-write and shared.
   */
  private Connection writer() throws SQLException {
    if (writer != null) {
      return writer;
    }
    if (version != SpecVersion.V1_0) {
      throw QuacklakeException.unsupported(
          "catalog %s is at DuckLake version %s; Quacklake writes 1.0 lakes only (reading works)",
          location, version.text());
    }
    if (!dialect.sharesReadAndWriteConnection()) {
      writer = dialect.connect(location, false);
      return writer;
    }
    closeQuietly(connection);
    try {
      connection = dialect.connect(location, false);
    } catch (SQLException e) {
      connection = dialect.connect(location, true);
      throw e;
    }
    writer = connection;
    return writer;
  }

  /** Reads a metadata option by scope (table, then schema, then global), or null. */
  public synchronized String option(String key, Long schemaId, Long tableId) {
    return read(
        "option " + key,
        c -> {
          String global = null;
          String schema = null;
          String table = null;
          try (java.sql.PreparedStatement ps =
              c.prepareStatement(
                  "SELECT value, scope, scope_id FROM ducklake_metadata WHERE \"key\" = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String scope = rs.getString(2);
                long id = rs.getLong(3);
                if (scope == null) {
                  global = rs.getString(1);
                } else if (scope.equals("schema") && schemaId != null && id == schemaId) {
                  schema = rs.getString(1);
                } else if (scope.equals("table") && tableId != null && id == tableId) {
                  table = rs.getString(1);
                }
              }
            }
          }
          return table != null ? table : schema != null ? schema : global;
        });
  }

  @Override
  public synchronized void close() {
    if (writer != null && writer != connection) {
      closeQuietly(writer);
    }
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a read-only connection loses nothing
    }
  }

  /** A catalog read that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
  }
}
