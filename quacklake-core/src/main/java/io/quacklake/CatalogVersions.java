package io.quacklake;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stored versions of an object-store catalog ({@code s3://}, {@code file://}): each commit
 * publishes a new immutable version of the catalog database. Obtained from {@link
 * Lake#catalogVersions()}; valid while the lake is open. Failures to reach the store are {@link
 * ErrorKind#UNAVAILABLE}.
 */
public interface CatalogVersions {
  /** Every version still stored, oldest first. */
  List<CatalogVersion> history();

  /** The version this lake read last (it moves to the newest before each read and commit). */
  CatalogVersion current();

  /**
   * Makes the content of version {@code version} the newest version (a new version with the same
   * content); snapshots committed after it disappear from the catalog, their files stay until
   * cleanup.
   *
   * @return the new version
   * @throws QuacklakeException CONFLICT when another writer published meanwhile, NOT_FOUND when the
   *     version does not exist (any more)
   */
  CatalogVersion restore(long version);

  /**
   * Copies the newest version to {@code target}, a plain SQLite file DuckDB can attach ({@code
   * ducklake:sqlite:FILE}).
   *
   * @throws QuacklakeException ALREADY_EXISTS when {@code target} exists
   */
  void export(Path target);

  /**
   * Writes the newest version to {@code target} as a catalog file of {@code format}, which DuckDB
   * attaches as a lake with the same data path.
   *
   * @throws QuacklakeException ALREADY_EXISTS when {@code target} exists; UNSUPPORTED for {@link
   *     CatalogFileFormat#DUCKDB} without DuckDB JDBC on the class path
   */
  void export(Path target, CatalogFileFormat format);

  /**
   * Deletes versions older than {@code retention} (never the newest) and blocks that no remaining
   * version references and that are older than {@code grace}. {@code now} must not be later than
   * the real time, so that the grace period protects commits in flight.
   */
  CatalogGarbageReport collectGarbage(Duration retention, Duration grace, Instant now);

  /**
   * Blocks that some stored version lists but the store does not have, as {@code "version N block
   * HASH"}; empty when the catalog is sound.
   */
  List<String> missingBlocks();
}
