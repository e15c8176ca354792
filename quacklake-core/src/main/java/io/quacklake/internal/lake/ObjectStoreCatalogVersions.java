package io.quacklake.internal.lake;

import io.quacklake.CatalogFileFormat;
import io.quacklake.CatalogGarbageReport;
import io.quacklake.CatalogVersion;
import io.quacklake.CatalogVersions;
import io.quacklake.internal.catalog.CatalogConnection;
import io.quacklake.internal.catalog.CatalogExport;
import io.quacklake.internal.catalog.versioned.CatalogManifest;
import io.quacklake.internal.catalog.versioned.VersionedCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@link CatalogVersions} over the versioned catalog a lake's connection holds. */
public final class ObjectStoreCatalogVersions implements CatalogVersions {
  private final VersionedCatalog catalog;
  private final CatalogConnection connection;

  public ObjectStoreCatalogVersions(VersionedCatalog catalog, CatalogConnection connection) {
    this.catalog = catalog;
    this.connection = connection;
  }

  @Override
  public List<CatalogVersion> history() {
    return catalog.history().stream().map(ObjectStoreCatalogVersions::version).toList();
  }

  @Override
  public CatalogVersion current() {
    return version(catalog.manifest());
  }

  @Override
  public CatalogVersion restore(long version) {
    return version(catalog.restore(version));
  }

  @Override
  public void export(Path target) {
    catalog.export(target);
  }

  @Override
  public void export(Path target, CatalogFileFormat format) {
    switch (format) {
      case SQLITE -> catalog.export(target);
      case DUCKDB ->
          connection.read(
              "export the catalog to " + target,
              c -> {
                CatalogExport.toDuckDb(c, target);
                return null;
              });
    }
  }

  @Override
  public CatalogGarbageReport collectGarbage(Duration retention, Duration grace, Instant now) {
    return catalog.collectGarbage(retention, grace, now);
  }

  @Override
  public List<String> missingBlocks() {
    return catalog.missingBlocks();
  }

  private static CatalogVersion version(CatalogManifest m) {
    return new CatalogVersion(m.version(), m.snapshotId(), m.created(), m.fileSize(), m.objects());
  }
}
