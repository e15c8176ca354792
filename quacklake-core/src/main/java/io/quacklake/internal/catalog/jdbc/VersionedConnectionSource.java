package io.quacklake.internal.catalog.jdbc;

import io.quacklake.internal.catalog.versioned.VersionedCatalog;
import io.quacklake.storage.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Connections for an object-store catalog: reads go to the local copy of the current version
 * (refreshed at most every {@value #REFRESH_MILLIS} ms, so a long-lived reader sees other writers'
 * commits that late); each write attempt works on a fresh copy of the newest version and, once its
 * SQLite transaction committed, publishes it as the next version.
 */
public final class VersionedConnectionSource implements ConnectionSource {
  static final long REFRESH_MILLIS = 500;

  private final VersionedCatalog catalog;
  private final ObjectStore store;
  private Connection reader;
  private long readerVersion;
  private long refreshedAt;
  private Path work;
  private boolean vacuumed;

  public VersionedConnectionSource(VersionedCatalog catalog, ObjectStore store) {
    this.catalog = catalog;
    this.store = store;
    this.refreshedAt = System.currentTimeMillis();
  }

  public VersionedCatalog catalog() {
    return catalog;
  }

  /** Marks the current write as a VACUUM, which changes the file but counts no changed rows. */
  public void vacuuming() {
    vacuumed = true;
  }

  @Override
  public Connection forRead() throws SQLException {
    if (System.currentTimeMillis() - refreshedAt >= REFRESH_MILLIS) {
      catalog.refresh();
      refreshedAt = System.currentTimeMillis();
    }
    if (reader == null || readerVersion != catalog.manifest().version()) {
      if (reader != null) {
        ConnectionSource.closeQuietly(reader);
      }
      reader = open(catalog.file(), true);
      readerVersion = catalog.manifest().version();
      catalog.pruneLocalCopies();
    }
    return reader;
  }

  @Override
  public Connection forWrite() throws SQLException {
    catalog.refresh();
    refreshedAt = System.currentTimeMillis();
    work = catalog.prepareWrite();
    return open(work, false);
  }

  /**
   * Publishes the committed copy as the next version, unless the write changed nothing (then the
   * copy is dropped and no version is made).
   */
  @Override
  public void committed(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT total_changes()")) {
      rs.next();
      if (rs.getLong(1) == 0 && !vacuumed) {
        return;
      }
    }
    vacuumed = false;
    long snapshot;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(snapshot_id) FROM ducklake_snapshot")) {
      rs.next();
      snapshot = rs.getLong(1);
    }
    Path published = work;
    work = null;
    if (catalog.publish(published, snapshot) == VersionedCatalog.Published.LOST_RACE) {
      throw new SQLException(
          "another writer published catalog version "
              + (catalog.manifest().version() + 1)
              + " first",
          ObjectStoreDialect.LOST_RACE);
    }
  }

  @Override
  public void release(Connection connection) {
    if (connection != reader) {
      ConnectionSource.closeQuietly(connection);
    }
    if (work != null) {
      try {
        Files.deleteIfExists(work);
      } catch (java.io.IOException ignored) {
        // removed with the cache
      }
      work = null;
    }
  }

  @Override
  public boolean serialised() {
    return true;
  }

  private static Connection open(Path file, boolean readOnly) throws SQLException {
    Properties props = new Properties();
    if (readOnly) {
      props.setProperty("open_mode", "1");
    } else {
      props.setProperty("transaction_mode", "IMMEDIATE");
      props.setProperty("journal_mode", "DELETE");
      props.setProperty("synchronous", "OFF");
    }
    return SqliteConnections.open(file.toString(), props);
  }

  @Override
  public void close() {
    if (reader != null) {
      ConnectionSource.closeQuietly(reader);
    }
    catalog.close();
    store.close();
  }
}
