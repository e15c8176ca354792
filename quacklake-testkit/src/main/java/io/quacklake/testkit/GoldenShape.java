package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Compares a lake rebuilt through the API with the golden lake DuckDB wrote: the same catalog query
 * on both catalogs must return the same rows, and every table at every snapshot must read as
 * DuckDB's expected file.
 */
public final class GoldenShape {
  private final String ourJdbcUrl;
  private final Path golden;

  /**
   * @param ourJdbcUrl the rebuilt lake's catalog as a JDBC URL
   * @param golden the golden lake's folder
   */
  public GoldenShape(String ourJdbcUrl, Path golden) {
    this.ourJdbcUrl = ourJdbcUrl;
    this.golden = golden;
  }

  /** The same rows, in the same order, from both catalogs. */
  public void sameRows(String sql) throws Exception {
    assertThat(query(ourJdbcUrl, sql))
        .as(sql)
        .containsExactlyElementsOf(query("jdbc:duckdb:" + golden.resolve("catalog.ducklake"), sql));
  }

  /**
   * Every expected table at every snapshot of the golden manifest reads the same in {@code lake}.
   */
  public void rowsAtEverySnapshot(Lake lake) {
    rowsAtSnapshotsUpTo(lake, Long.MAX_VALUE);
  }

  /**
   * Like {@link #rowsAtEverySnapshot}, for the snapshots up to {@code lastSnapshot} (a rebuild that
   * stops before an operation Quacklake does not perform).
   */
  public void rowsAtSnapshotsUpTo(Lake lake, long lastSnapshot) {
    GoldenManifest manifest = GoldenManifest.read(golden);
    for (GoldenManifest.ExpectedTable e : manifest.expected()) {
      if (e.snapshot() > lastSnapshot) {
        continue;
      }
      RenderedResult actual =
          RenderedResult.of(
              lake.table(e.schema() + "." + e.table()).scan().asOf(e.snapshot()).arrow());
      ExpectedRows expected = ExpectedRows.read(golden.resolve(e.file()));
      assertThat(actual.columns()).as(e.table() + "@" + e.snapshot()).isEqualTo(expected.columns());
      assertThat(RenderedResult.sorted(actual.rows()))
          .as(e.table() + "@" + e.snapshot())
          .containsExactlyElementsOf(RenderedResult.sorted(expected.rows()));
    }
  }

  /** A BOOLEAN column as text the same way in SQLite (0/1) and DuckDB. */
  public static String bool(String column) {
    return "CASE WHEN " + column + " THEN 'true' WHEN NOT " + column + " THEN 'false' END";
  }

  /** The rows of a query, each as its columns joined by {@code |}. */
  public static List<String> query(String url, String sql) throws Exception {
    Properties p = new Properties();
    if (url.startsWith("jdbc:duckdb:")) {
      p.setProperty("duckdb.read_only", "true");
    }
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, p);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
  }
}
