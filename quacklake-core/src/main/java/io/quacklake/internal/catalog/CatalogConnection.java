package io.quacklake.internal.catalog;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.jdbc.ConnectionSource;
import io.quacklake.internal.catalog.jdbc.NoLock;
import io.quacklake.internal.catalog.jdbc.OptionalLibrary;
import io.quacklake.internal.catalog.jdbc.PooledConnectionSource;
import io.quacklake.internal.catalog.jdbc.SingleConnectionSource;
import io.quacklake.internal.catalog.jdbc.SqlDialect;
import io.quacklake.internal.catalog.jdbc.VersionedConnectionSource;
import io.quacklake.internal.catalog.versioned.VersionedCatalog;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open connection to a DuckLake catalog: its version and global metadata, consistent reads, and
 * write transactions. It starts read-only and reopens read-write on the first write (a DuckDB file
 * allows one configuration per process, and read-only catalogs stay readable). Thread-safe:
 * embedded catalogs serialise calls on their connection, server catalogs draw from a connection
 * pool.
 */
public final class CatalogConnection implements AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CatalogConnection.class);
  private final CatalogLocation location;
  private final SqlDialect dialect;
  private final ConnectionSource source;
  private final Lock turns;
  private final ThreadLocal<Connection> writing = new ThreadLocal<>();
  private final SpecVersion version;
  private final Map<String, String> metadata;

  private CatalogConnection(
      CatalogLocation location,
      SqlDialect dialect,
      ConnectionSource source,
      SpecVersion version,
      Map<String, String> metadata) {
    this.location = location;
    this.dialect = dialect;
    this.source = source;
    this.turns = source.serialised() ? new ReentrantLock() : NoLock.INSTANCE;
    this.version = version;
    this.metadata = metadata;
  }

  /**
   * Opens an existing catalog read-only.
   *
   * @throws QuacklakeException NOT_FOUND if there is no catalog, UNSUPPORTED for an unknown version
   *     or a missing driver ({@link OptionalLibrary}), INVALID_ARGUMENT if the database is not a
   *     DuckLake catalog
   */
  public static CatalogConnection open(CatalogLocation location) {
    return open(location, StorageSettings.NONE);
  }

  /** Opens an existing catalog; {@code storage} configures the store of an object-store catalog. */
  public static CatalogConnection open(CatalogLocation location, StorageSettings storage) {
    if (location.isObjectStore()) {
      return openVersioned(location, storage);
    }
    SqlDialect dialect = SqlDialect.forLocation(location);
    if (location.isFile()) {
      if (!Files.isRegularFile(Path.of(location.target()))) {
        throw QuacklakeException.notFound(
            "no catalog at '%s': the file does not exist; check the path or create a lake with"
                + " 'quacklake init'",
            location.target());
      }
    }
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
            location, location.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
      Map<String, String> metadata = readGlobalMetadata(connection, dialect);
      String versionText = metadata.get("version");
      if (versionText == null) {
        throw QuacklakeException.corrupt(
            "catalog %s has no 'version' row in ducklake_metadata", location);
      }
      SpecVersion version = SpecVersion.parse(versionText, location.toString());
      ConnectionSource source;
      if (dialect.pooled()) {
        ConnectionSource.closeQuietly(connection);
        source =
            new PooledConnectionSource(location, dialect, PooledConnectionSource.DEFAULT_POOL_SIZE);
      } else {
        source = new SingleConnectionSource(location, dialect, connection);
      }
      return new CatalogConnection(location, dialect, source, version, metadata);
    } catch (SQLException e) {
      ConnectionSource.closeQuietly(connection);
      throw new QuacklakeException(
          ErrorKind.CORRUPT, "cannot read catalog " + location + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      ConnectionSource.closeQuietly(connection);
      throw e;
    }
  }

  private static CatalogConnection openVersioned(
      CatalogLocation location, StorageSettings storage) {
    Location root = Location.directory(location.target());
    ObjectStore store = ObjectStores.forLocation(root, storage);
    VersionedConnectionSource source;
    try {
      source = new VersionedConnectionSource(VersionedCatalog.open(store, root), store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      Map<String, String> metadata =
          readGlobalMetadata(source.forRead(), SqlDialect.of(location.kind()));
      String versionText = metadata.get("version");
      if (versionText == null) {
        throw QuacklakeException.corrupt(
            "catalog %s has no 'version' row in ducklake_metadata", location);
      }
      SpecVersion version = SpecVersion.parse(versionText, location.toString());
      return new CatalogConnection(
          location, SqlDialect.of(location.kind()), source, version, metadata);
    } catch (SQLException e) {
      source.close();
      throw new QuacklakeException(
          ErrorKind.CORRUPT, "cannot read catalog " + location + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /** The object-store catalog's versions, or null for other catalogs. */
  public VersionedCatalog versions() {
    return source instanceof VersionedConnectionSource v ? v.catalog() : null;
  }

  private static Map<String, String> readGlobalMetadata(Connection c, SqlDialect dialect)
      throws SQLException {
    try {
      return readGlobalMetadata(new CatalogSession(c, dialect));
    } catch (CatalogSqlFailure e) {
      throw e.sqlCause();
    }
  }

  private static Map<String, String> readGlobalMetadata(CatalogSession s) {
    Map<String, String> result = new HashMap<>();
    for (String[] row :
        Sql.query(
            s,
            "SELECT \"key\", value, scope FROM ducklake_metadata",
            rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
      if (row[2] == null) {
        result.put(row[0], row[1]);
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

  /**
   * Runs catalog reads in one read transaction (a consistent view); inside {@link #write} on the
   * same thread, on the write transaction.
   */
  public <T> T read(String what, CatalogFunction<T> body) {
    Connection w = writing.get();
    if (w != null) {
      try {
        return body.apply(new CatalogSession(w, dialect, version));
      } catch (CatalogSqlFailure e) {
        throw readFailed(what, e.sqlCause());
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return readOnce(body);
      } catch (SQLException e) {
        if (!dialect.isBusy(e) || attempt >= READ_ATTEMPTS) {
          throw readFailed(what, e);
        }
        pause(attempt);
      }
    }
  }

  /**
   * How often a read is tried when the database asks for a retry (a deadlock, or MariaDB's "table
   * definition has changed" when a table appeared after the read's snapshot).
   */
  private static final int READ_ATTEMPTS = 5;

  private <T> T readOnce(CatalogFunction<T> body) throws SQLException {
    turns.lock();
    try {
      Connection c = source.forRead();
      try {
        c.setAutoCommit(false);
        try {
          return apply(body, c);
        } finally {
          try {
            c.commit();
          } finally {
            c.setAutoCommit(true);
          }
        }
      } catch (SQLException e) {
        try {
          c.rollback();
          c.setAutoCommit(true);
        } catch (SQLException ignored) {
          // the read failed already; its own error is the one to report
        }
        throw e;
      } finally {
        source.release(c);
      }
    } finally {
      turns.unlock();
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(10L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private QuacklakeException readFailed(String what, SQLException e) {
    return new QuacklakeException(
        ErrorKind.UNAVAILABLE,
        "catalog " + location + ": reading " + what + " failed: " + e.getMessage(),
        e);
  }

  private <T> T apply(CatalogFunction<T> body, Connection c) throws SQLException {
    try {
      return body.apply(new CatalogSession(c, dialect, version));
    } catch (CatalogSqlFailure e) {
      throw e.sqlCause();
    }
  }

  /**
   * Runs {@code body} in one catalog write transaction and commits it; on failure the transaction
   * is rolled back. A write that loses a race to another writer (a newer catalog version, a taken
   * key, a busy database) is run again from the start, up to {@value #WRITE_ATTEMPTS} times, so
   * {@code body} must read what it depends on inside the transaction.
   *
   * @param what what the write does, for the message of a failure ("setting option x")
   * @throws QuacklakeException UNAVAILABLE when a catalog statement fails, CONFLICT when every
   *     attempt lost a race, COMMIT_STATE_UNKNOWN when committing fails
   */
  public <T> T write(String what, CatalogFunction<T> body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return writeContended(what, body);
      } catch (CatalogContention e) {
        if (attempt >= WRITE_ATTEMPTS) {
          throw new QuacklakeException(
              ErrorKind.CONFLICT,
              what
                  + " lost to other writers "
                  + attempt
                  + " times in a row ("
                  + e.getMessage()
                  + "); nothing was changed, try again",
              e);
        }
        LOG.debug("{} lost a race to another writer (attempt {}), trying again", what, attempt);
        pause(attempt);
      }
    }
  }

  /** How often {@link #write} runs a write that keeps losing races to other writers. */
  static final int WRITE_ATTEMPTS = 12;

  /**
   * Like {@link #write}, but a lost race for a key or lock contention, after which trying again may
   * succeed, is thrown as {@link CatalogContention}.
   */
  public <T> T writeContended(String what, CatalogFunction<T> body) throws CatalogContention {
    try {
      return writeChecked(body);
    } catch (SQLException e) {
      if (contention(dialect, e)) {
        throw new CatalogContention(e);
      }
      throw writeFailed(what, e);
    }
  }

  private static QuacklakeException writeFailed(String what, Throwable e) {
    return new QuacklakeException(ErrorKind.UNAVAILABLE, what + " failed: " + e.getMessage(), e);
  }

  static boolean contention(SqlDialect dialect, SQLException e) {
    return dialect.isDuplicateKey(e) || dialect.isBusy(e);
  }

  private <T> T writeChecked(CatalogFunction<T> body) throws SQLException {
    turns.lock();
    try {
      Connection w = source.forWrite();
      try {
        requireWritableLayout(w);
        return writeOn(w, body);
      } finally {
        source.release(w);
      }
    } finally {
      turns.unlock();
    }
  }

  /**
   * Refuses writes to a catalog that says it is at the released 1.1 but lacks 1.1's columns (such
   * as a 1.1-dev1 catalog relabelled by hand): Quacklake's writes would not fit its tables.
   */
  private void requireWritableLayout(Connection w) throws SQLException {
    if (version != SpecVersion.V1_1) {
      return;
    }
    if (!hasReleasedV11Layout(w)) {
      throw QuacklakeException.unsupported(
          "catalog %s says DuckLake 1.1 but its tables lack 1.1's columns (min_is_exact,"
              + " max_is_exact, parent_schema_id), so it was not written by a 1.1 writer; reading"
              + " works, writing is refused. Restore its real version row and migrate it with"
              + " 'quacklake migrate --to 1.1'",
          location);
    }
  }

  private volatile Boolean releasedLayout;

  /**
   * Whether the catalog's tables have the released 1.1's columns (a 1.1 catalog relabelled from
   * 1.1-dev1 by hand does not); false below 1.1.
   */
  public boolean hasReleasedV11Layout() {
    if (version != SpecVersion.V1_1) {
      return false;
    }
    Boolean known = releasedLayout;
    if (known == null) {
      known =
          read(
              "the catalog's layout",
              c -> {
                try {
                  return hasReleasedV11Layout(c.connection());
                } catch (SQLException e) {
                  throw new CatalogSqlFailure(e);
                }
              });
    }
    return known;
  }

  private boolean hasReleasedV11Layout(Connection c) throws SQLException {
    Boolean known = releasedLayout;
    if (known == null) {
      known =
          dialect.tableColumns(c, "ducklake_file_column_stats").stream()
                  .anyMatch(n -> n.equalsIgnoreCase("min_is_exact"))
              && dialect.tableColumns(c, "ducklake_schema").stream()
                  .anyMatch(n -> n.equalsIgnoreCase("parent_schema_id"));
      releasedLayout = known;
    }
    return known;
  }

  private <T> T writeOn(Connection w, CatalogFunction<T> body) throws SQLException {
    w.setAutoCommit(false);
    writing.set(w);
    try {
      T result = apply(body, w);
      try {
        w.commit();
        source.committed(w);
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
      writing.remove();
      w.setAutoCommit(true);
    }
  }

  /**
   * Migrates this 1.0 catalog to 1.1-dev1 in one write (DuckDB's migration); reopen the catalog
   * afterwards to use it.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the catalog is not at 1.0
   */
  /**
   * Migrates a 1.0 or 1.1-dev1 catalog to the released DuckLake 1.1 ({@link
   * CatalogMigration#toV11}); open it again afterwards.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a catalog at 1.1 already
   */
  public void migrateToV11(java.util.function.BiPredicate<String, LakeColumn> boundReadable) {
    if (version == SpecVersion.V1_1) {
      throw QuacklakeException.invalid("catalog %s is at DuckLake 1.1 already", location);
    }
    SpecVersion from = version;
    write(
        "migrating catalog " + location + " to DuckLake 1.1",
        c -> {
          CatalogMigration.toV11(c, from, boundReadable);
          return null;
        });
  }

  public void migrateToV11Dev1() {
    if (version != SpecVersion.V1_0) {
      throw QuacklakeException.invalid(
          "catalog %s is at DuckLake version %s; only 1.0 catalogs migrate to 1.1-dev1",
          location, version.text());
    }
    write(
        "migrating catalog " + location + " to DuckLake 1.1-dev1",
        c -> {
          CatalogMigration.toV11Dev1(c);
          return null;
        });
  }

  /**
   * Rewrites an object-store catalog's SQLite image without its free pages ({@code VACUUM}) and
   * publishes it as the next version, so that pages freed by snapshot expiry stop travelling with
   * every later commit and refresh. Best effort: when another writer publishes first, nothing
   * happens. Other catalog kinds are left as they are.
   *
   * @return whether a compacted version was published
   */
  public boolean compact() {
    if (location.kind() != CatalogKind.OBJECT_STORE) {
      return false;
    }
    turns.lock();
    try {
      Connection w = source.forWrite();
      try {
        w.setAutoCommit(true);
        try (java.sql.Statement s = w.createStatement()) {
          s.execute("VACUUM");
        }
        if (source instanceof io.quacklake.internal.catalog.jdbc.VersionedConnectionSource v) {
          v.vacuuming();
        }
        source.committed(w);
        return true;
      } finally {
        source.release(w);
      }
    } catch (SQLException e) {
      if (contention(dialect, e)) {
        return false;
      }
      throw writeFailed("compacting catalog " + location, e);
    } finally {
      turns.unlock();
    }
  }

  /**
   * The global {@code ducklake_metadata} options as they are now (one catalog read), unlike {@link
   * #metadata}, which is read once at open.
   */
  public Map<String, String> globalOptions() {
    return read("catalog options", CatalogConnection::readGlobalMetadata);
  }

  /** Every {@code ducklake_metadata} option with its scope, as they are now (one catalog read). */
  public ScopedOptions scopedOptions() {
    return read(
        "catalog options",
        s ->
            ScopedOptions.of(
                Sql.query(
                    s,
                    "SELECT \"key\", value, scope, scope_id FROM ducklake_metadata",
                    rs ->
                        new ScopedOptions.Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4) == null ? null : rs.getLong(4)))));
  }

  @Override
  public void close() {
    source.close();
  }

  /** The body of a catalog read or write, run on one open {@link CatalogSession}. */
  @FunctionalInterface
  public interface CatalogFunction<T> {
    T apply(CatalogSession session);
  }
}
