package io.quacklake;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Counts the SQL statements sent to SQLite catalogs that name a table, by standing in for the
 * SQLite JDBC driver while installed ({@code SqliteConnections.replaceDriver}): connections opened
 * meanwhile are the real driver's, wrapped. Close it to put the real driver back.
 */
final class CatalogStatementCounter implements Driver, AutoCloseable {
  private static final String PREFIX = "jdbc:sqlite:";

  private final Driver sqlite;
  private final String table;
  private final AtomicInteger count = new AtomicInteger();

  private CatalogStatementCounter(Driver sqlite, String table) {
    this.sqlite = sqlite;
    this.table = table;
  }

  /** Installs a counter of the statements naming {@code table}. */
  static CatalogStatementCounter install(String table) throws SQLException {
    CatalogStatementCounter counter =
        new CatalogStatementCounter(
            io.quacklake.internal.catalog.jdbc.SqliteConnections.replaceDriver(null), table);
    io.quacklake.internal.catalog.jdbc.SqliteConnections.replaceDriver(counter);
    return counter;
  }

  /** Statements naming the table since the counter was installed. */
  int count() {
    return count.get();
  }

  @Override
  public void close() throws SQLException {
    io.quacklake.internal.catalog.jdbc.SqliteConnections.replaceDriver(sqlite);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Connection connection = sqlite.connect(url, info);
    return proxy(Connection.class, connection, this::connectionCall);
  }

  private Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
    if (method.getName().startsWith("prepare")) {
      counted(args[0]);
    }
    Object result = invoke(target, method, args);
    if (result instanceof Statement s && method.getName().equals("createStatement")) {
      return proxy(Statement.class, s, this::statementCall);
    }
    return result;
  }

  private Object statementCall(Object target, Method method, Object[] args) throws Throwable {
    if ((method.getName().startsWith("execute") || method.getName().equals("addBatch"))
        && args != null
        && args.length > 0
        && args[0] instanceof String) {
      counted(args[0]);
    }
    return invoke(target, method, args);
  }

  private void counted(Object sql) {
    if (sql instanceof String s && s.contains(table)) {
      count.incrementAndGet();
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  private interface Call {
    Object apply(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, Call call) {
    InvocationHandler handler = (p, method, args) -> call.apply(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(
            CatalogStatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return sqlite.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return sqlite.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return sqlite.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return sqlite.getParentLogger();
  }
}
