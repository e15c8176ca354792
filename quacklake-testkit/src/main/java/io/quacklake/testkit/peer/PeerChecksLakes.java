package io.quacklake.testkit.peer;

import io.quacklake.testkit.TestCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for behaviour tests: after each passing test, the DuckDB peer opens every lake
 * the test created through {@link TestCatalogs#location} on a DuckDB-file or PostgreSQL catalog and
 * must read every table at every snapshot exactly as Quacklake does ({@link PeerLakeComparison}).
 * The test's lakes must be closed when it ends (a DuckDB file is open in one process at a time).
 * Without the peer the check fails under {@code CI=true} and is skipped loudly elsewhere, as {@link
 * DuckDbPeer#require} does.
 */
public final class PeerChecksLakes implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(PeerChecksLakes.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("mark", TestCatalogs.issuedCount());
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isPresent()) {
      return;
    }
    int mark = context.getStore(NS).get("mark", Integer.class);
    List<String> lakes =
        TestCatalogs.issuedSince(mark).stream().filter(PeerChecksLakes::created).toList();
    if (lakes.isEmpty()) {
      return;
    }
    DuckDbPeer peer = DuckDbPeer.require();
    Path workDir = Files.createTempDirectory("quacklake-peer-check");
    try {
      for (String lake : lakes) {
        new PeerLakeComparison(peer, workDir).assertSameRows(new LakeLocation(lake, null));
      }
    } finally {
      try (var files = Files.walk(workDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(PeerChecksLakes::delete);
      }
    }
  }

  /**
   * Whether the location is a DuckDB-file or PostgreSQL catalog (in schema {@code public}) the test
   * actually created.
   */
  private static boolean created(String location) {
    if (location.startsWith("duckdb:")) {
      return Files.isRegularFile(Path.of(location.substring("duckdb:".length())));
    }
    if (!location.startsWith("postgres:")) {
      return false;
    }
    try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(location));
        ResultSet rs = c.getMetaData().getTables(null, "public", "ducklake_metadata", null)) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
