package io.quacklake.internal.catalog.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.quacklake.internal.catalog.CatalogLocation;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Server catalogs (PostgreSQL, MySQL/MariaDB): a HikariCP pool, so the threads of one process read
 * and commit concurrently. Reads run at REPEATABLE READ (one consistent view per read), writes at
 * the dialect's write isolation.
 */
public final class PooledConnectionSource implements ConnectionSource {
  /** Connections per catalog: enough for a few committing and reading threads. */
  public static final int DEFAULT_POOL_SIZE = 8;

  private final SqlDialect dialect;
  private final HikariDataSource pool;

  public PooledConnectionSource(CatalogLocation location, SqlDialect dialect, int poolSize) {
    this.dialect = dialect;
    HikariConfig config = new HikariConfig();
    config.setDataSource(new DialectDataSource(location, dialect));
    config.setPoolName("quacklake " + location);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
  }

  @Override
  public Connection forRead() throws SQLException {
    Connection c = pool.getConnection();
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    return c;
  }

  @Override
  public Connection forWrite() throws SQLException {
    Connection c = pool.getConnection();
    c.setTransactionIsolation(dialect.writeIsolation());
    return c;
  }

  @Override
  public void release(Connection connection) {
    ConnectionSource.closeQuietly(connection);
  }

  @Override
  public boolean serialised() {
    return false;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** New connections as the dialect opens them (driver properties, schema, type binding). */
  private record DialectDataSource(CatalogLocation location, SqlDialect dialect)
      implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return dialect.connect(location, false);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }

    @Override
    public String toString() {
      return location.toString();
    }
  }
}
