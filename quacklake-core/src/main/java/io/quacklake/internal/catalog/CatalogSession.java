package io.quacklake.internal.catalog;

import io.quacklake.internal.catalog.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * One open catalog transaction, a consistent read or a write, on which the gateway and writes
 * methods of this package run their statements. {@link CatalogConnection} hands it to the body of a
 * read or write; it is valid only inside that body and on its thread.
 */
public final class CatalogSession {
  private final Connection connection;
  private final SqlDialect dialect;
  private final SpecVersion version;
  private Savepoint savepoint;

  CatalogSession(Connection connection, SqlDialect dialect) {
    this(connection, dialect, SpecVersion.V1_0);
  }

  CatalogSession(Connection connection, SqlDialect dialect, SpecVersion version) {
    this.connection = connection;
    this.dialect = dialect;
    this.version = version;
  }

  /** The DuckLake version of the catalog (what rows and columns its tables have). */
  SpecVersion version() {
    return version;
  }

  /** The names of an inlined-data table's system columns in this catalog's version. */
  InlinedColumnNames inlinedNames() {
    return InlinedColumnNames.of(version);
  }

  /** Whether DDL runs inside the transaction here (not on MySQL/MariaDB, where it commits it). */
  public boolean transactionalDdl() {
    return dialect.transactionalDdl();
  }

  Connection connection() {
    return connection;
  }

  SqlDialect dialect() {
    return dialect;
  }

  /**
   * Marks a savepoint where the database has them (PostgreSQL needs one to query after an error),
   * for {@link #afterRollbackToSavepoint}.
   */
  public void markSavepoint() {
    try {
      savepoint = connection.setSavepoint();
    } catch (SQLException unsupported) {
      savepoint = null;
    }
  }

  /**
   * Rolls back to the savepoint marked last, if any, and runs {@code check}. A failing catalog
   * statement in either ends the call quietly: the transaction cannot run the check any more.
   */
  public void afterRollbackToSavepoint(Runnable check) {
    try {
      if (savepoint != null) {
        connection.rollback(savepoint);
      }
      check.run();
    } catch (SQLException | CatalogSqlFailure unusable) {
      // the caller reports the failure that made it look
    }
  }

  /**
   * Whether {@code e} is a failed statement that lost a race or met lock contention, which the
   * write reports as {@link CatalogContention}.
   */
  public boolean isContention(RuntimeException e) {
    return e instanceof CatalogSqlFailure f && CatalogConnection.contention(dialect, f.sqlCause());
  }

  /**
   * A failure of this transaction that is reported as a failed catalog statement would be: the
   * transaction is rolled back and the write reports the catalog unavailable with {@code message}.
   */
  public RuntimeException failure(String message) {
    return new CatalogSqlFailure(new SQLException(message));
  }
}
