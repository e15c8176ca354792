package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core without its optional dependencies: each test loads core and its required dependencies in a
 * fresh class loader that lacks some of the optional jars (JDBC drivers, the pool), as an
 * application depending on core alone would, and calls the public API through reflection.
 */
class OptionalDependenciesTest {
  private static final List<String> OPTIONAL_JARS =
      List.of("postgresql-", "mariadb-java-client-", "HikariCP-", "duckdb_jdbc-");

  @TempDir Path dir;

  @Test
  void sqliteCatalogsNeedNoOptionalLibrary() throws Throwable {
    try (URLClassLoader core = coreWithout(OPTIONAL_JARS)) {
      assertThatThrownBy(() -> core.loadClass("com.zaxxer.hikari.HikariDataSource"))
          .isInstanceOf(ClassNotFoundException.class);
      String catalog = "sqlite:" + dir.resolve("catalog.sqlite");

      try (AutoCloseable lake = (AutoCloseable) call(core, "create", catalog, dir + "/data")) {
        assertThat(lake.getClass().getClassLoader()).isSameAs(core);
      }
      try (AutoCloseable lake = (AutoCloseable) call(core, "open", catalog)) {
        assertThat(lake.getClass().getName()).isEqualTo("io.quacklake.Lake");
      }
    }
  }

  @Test
  void postgresCatalogWithoutDriverNamesPgjdbc() throws Exception {
    try (URLClassLoader core = coreWithout(OPTIONAL_JARS)) {
      assertUnsupported(
          core, "open", "postgres:dbname=lake host=127.0.0.1", "org.postgresql:postgresql");
      assertUnsupported(
          core, "create", "postgres:dbname=lake host=127.0.0.1", "org.postgresql:postgresql");
    }
  }

  @Test
  void postgresCatalogWithDriverButWithoutPoolNamesHikari() throws Exception {
    try (URLClassLoader core = coreWithout(List.of("HikariCP-"))) {
      assertUnsupported(core, "open", "postgres:dbname=lake host=127.0.0.1", "com.zaxxer:HikariCP");
    }
  }

  @Test
  void mysqlCatalogWithoutDriverNamesMariadbConnector() throws Exception {
    try (URLClassLoader core = coreWithout(OPTIONAL_JARS)) {
      assertUnsupported(
          core,
          "open",
          "mysql:host=127.0.0.1 user=root database=lake",
          "org.mariadb.jdbc:mariadb-java-client");
    }
  }

  @Test
  void duckdbCatalogWithoutDuckdbNamesDuckdbJdbc() throws Exception {
    try (URLClassLoader core = coreWithout(OPTIONAL_JARS)) {
      String catalog = "duckdb:" + dir.resolve("catalog.duckdb");
      assertUnsupported(core, "create", catalog, "org.duckdb:duckdb_jdbc");
      assertUnsupported(core, "open", catalog, "org.duckdb:duckdb_jdbc");
      assertThat(dir.resolve("catalog.duckdb")).doesNotExist();
    }
  }

  private static void assertUnsupported(
      ClassLoader core, String method, String catalog, String artifact) {
    assertThatThrownBy(
            () ->
                call(
                    core,
                    method,
                    method.equals("create")
                        ? new Object[] {catalog, "lake/data/"}
                        : new Object[] {catalog}))
        .satisfies(
            e -> {
              assertThat(e.getClass().getName())
                  .isEqualTo("io.quacklake.exceptions.QuacklakeException");
              assertThat(e.getClass().getMethod("kind").invoke(e)).hasToString("UNSUPPORTED");
              assertThat(e.getMessage())
                  .contains("is not on the class path: add the jar of Maven artifact " + artifact)
                  .doesNotContain("\n");
            });
  }

  /** Calls the static {@code Lake} method with String parameters, rethrowing what it throws. */
  private static Object call(ClassLoader core, String method, Object... args) throws Throwable {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    Method m = core.loadClass("io.quacklake.Lake").getMethod(method, types);
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Core's classes and every jar of the test class path except those starting with a prefix. */
  private static URLClassLoader coreWithout(List<String> jarPrefixes) throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (jarPrefixes.stream().noneMatch(name::startsWith)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    URLClassLoader core =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    try {
      // The JVM's DriverManager looked for drivers once, through the application class loader;
      // an application with core in its own loader has sqlite-jdbc found the same way.
      Class.forName("org.sqlite.JDBC", true, core);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("sqlite-jdbc is a required dependency of core", e);
    }
    return core;
  }
}
