package io.quacklake.internal.catalog;

import io.quacklake.internal.catalog.jdbc.SqlDialect;
import java.time.Instant;
import java.util.List;

/** Reads {@code ducklake_snapshot} and {@code ducklake_snapshot_changes}. */
public final class SnapshotGateway {
  static final String SELECT =
      "SELECT s.snapshot_id, s.snapshot_time, s.schema_version, s.next_catalog_id,"
          + " s.next_file_id, c.changes_made, c.author, c.commit_message, c.commit_extra_info"
          + " FROM ducklake_snapshot s LEFT JOIN ducklake_snapshot_changes c"
          + " ON s.snapshot_id = c.snapshot_id";

  private final CatalogConnection catalog;

  public SnapshotGateway(CatalogConnection catalog) {
    this.catalog = catalog;
  }

  public List<SnapshotRecord> all() {
    return catalog.read("snapshots", c -> query(c, SELECT + " ORDER BY s.snapshot_id"));
  }

  public SnapshotRecord latest() {
    List<SnapshotRecord> rows =
        catalog.read(
            "the latest snapshot",
            c ->
                query(
                    c,
                    SELECT
                        + " WHERE s.snapshot_id = (SELECT MAX(snapshot_id) FROM"
                        + " ducklake_snapshot)"));
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The snapshot with this id, or null. */
  public SnapshotRecord byId(long id) {
    List<SnapshotRecord> rows =
        catalog.read("snapshot " + id, c -> query(c, SELECT + " WHERE s.snapshot_id = ?", id));
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The newest snapshot at or before {@code time}, or null. */
  public SnapshotRecord at(Instant time) {
    // Compared in Java: catalogs store TIMESTAMPTZ in different text and native forms.
    SnapshotRecord best = null;
    for (SnapshotRecord s : all()) {
      if (!s.time().isAfter(time) && (best == null || s.snapshotId() > best.snapshotId())) {
        best = s;
      }
    }
    return best;
  }

  /** The snapshot with this id as the session sees it, or null. */
  public static SnapshotRecord find(CatalogSession s, long id) {
    List<SnapshotRecord> rows = select(s, SELECT + " WHERE s.snapshot_id = ?", id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private List<SnapshotRecord> query(CatalogSession s, String sql, Object... args) {
    return select(s, sql, args);
  }

  static List<SnapshotRecord> select(CatalogSession s, String sql, Object... args) {
    SqlDialect dialect = s.dialect();
    return Sql.query(
        s,
        sql,
        rs ->
            new SnapshotRecord(
                rs.getLong(1),
                dialect.readInstant(rs, 2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9)),
        args);
  }
}
