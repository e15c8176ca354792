package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.ScanReader;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/** The timed work of each benchmark, for Quacklake and for DuckDB. */
final class Workloads {
  static final int BATCH = 122_880;

  private final Path dir;
  private final long rows;
  private final BufferAllocator allocator;
  private final Connection duck;

  Workloads(Path dir, long rows, BufferAllocator allocator, Connection duck) {
    this.dir = dir;
    this.rows = rows;
    this.allocator = allocator;
    this.duck = duck;
  }

  /**
   * Appends every row into a new table of a new lake in one transaction. The Arrow batches are
   * generated and the lake is created before the clock starts (DuckDB's side also starts from rows
   * already in memory); creating the table, writing the files and committing are timed.
   *
   * @param catalog receives the catalog location
   * @return the nanoseconds the timed part took
   */
  long quacklakeAppend(String[] catalog) {
    List<VectorSchemaRoot> batches = EventsData.batches(allocator, 0, rows);
    Path lakeDir = dir.resolve("lake-" + UUID.randomUUID());
    catalog[0] = "sqlite:" + lakeDir.resolve("catalog.sqlite");
    try (Lake lake = Lake.create(catalog[0], lakeDir.resolve("data").toString())) {
      lake.setOption("target_file_size", Long.toString(32L << 20));
      long start = System.nanoTime();
      lake.createTable("events", EventsData.COLUMNS);
      try (Transaction tx = lake.begin()) {
        for (VectorSchemaRoot b : batches) {
          tx.append("events", b);
        }
        tx.commit();
      }
      return System.nanoTime() - start;
    } finally {
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  /** DuckDB writes the same rows (already in a DuckDB table) to one Parquet file. */
  void duckdbAppend() {
    execute(
        "COPY events TO '"
            + dir.resolve("duck-" + UUID.randomUUID() + ".parquet")
            + "' (FORMAT parquet, ROW_GROUP_SIZE 122880)");
  }

  /** Loads the lake's Parquet files into a DuckDB table (setup, not timed). */
  void loadIntoDuckDb(List<Path> files) {
    execute("CREATE OR REPLACE TABLE events AS SELECT * FROM " + parquet(files));
  }

  /** Scans through an open lake (opened once, as DuckDB's connection is). */
  long quacklakeScan(Lake lake, String filter, String... columns) {
    TableScan scan = lake.table("events").scan();
    if (columns.length > 0) {
      scan = scan.select(columns);
    }
    if (filter != null) {
      scan = scan.filter(filter);
    }
    long n = 0;
    try (ScanReader r = scan.arrow()) {
      while (r.loadNextBatch()) {
        n += r.getVectorSchemaRoot().getRowCount();
      }
    }
    return n;
  }

  static Lake open(String catalog) {
    return Lake.open(catalog, LakeOptions.defaults().withBatchSize(BATCH));
  }

  /** DuckDB's Parquet reader over the same files, results fetched as Arrow. */
  long duckdbScan(List<Path> files, String filter, String... columns) {
    String select = columns.length == 0 ? "*" : String.join(", ", columns);
    String sql =
        "SELECT " + select + " FROM " + parquet(files) + (filter == null ? "" : " WHERE " + filter);
    try (Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery(sql);
        ArrowReader reader =
            (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, BATCH)) {
      long n = 0;
      while (reader.loadNextBatch()) {
        n += reader.getVectorSchemaRoot().getRowCount();
      }
      return n;
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  static List<Path> dataFiles(String catalog) {
    Path lakeDir = Path.of(catalog.substring("sqlite:".length())).getParent();
    try (var files = Files.walk(lakeDir.resolve("data"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String parquet(List<Path> files) {
    StringBuilder b = new StringBuilder("read_parquet([");
    for (int i = 0; i < files.size(); i++) {
      b.append(i == 0 ? "'" : ", '").append(files.get(i)).append("'");
    }
    return b.append("])").toString();
  }

  private void execute(String sql) {
    try (Statement s = duck.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
