package io.quacklake.internal.parquet;

import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.column.statistics.geospatial.BoundingBox;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;

/**
 * A geometry column's extent over a file's column chunks, from the geospatial statistics
 * parquet-java writes, as DuckDB's {@code extra_stats} JSON: the x/y bounding box (six decimals,
 * absent ordinates null) and the lower-case geometry types. Unknown as soon as one chunk lacks
 * valid statistics: a bounding box is used to skip files, so it must hold every value.
 */
final class GeometryExtent {
  private static final String[] TYPES = {
    null,
    "point",
    "linestring",
    "polygon",
    "multipoint",
    "multilinestring",
    "multipolygon",
    "geometrycollection"
  };

  private boolean known = true;
  private boolean any;
  private double xmin = Double.POSITIVE_INFINITY;
  private double xmax = Double.NEGATIVE_INFINITY;
  private double ymin = Double.POSITIVE_INFINITY;
  private double ymax = Double.NEGATIVE_INFINITY;
  private final Set<String> types = new TreeSet<>();

  void add(GeospatialStatistics stats) {
    if (stats == null
        || stats.getBoundingBox() == null
        || !stats.getBoundingBox().isValid()
        || stats.getGeospatialTypes() == null
        || !stats.getGeospatialTypes().isValid()) {
      known = false;
      return;
    }
    BoundingBox b = stats.getBoundingBox();
    if (!Double.isFinite(b.getXMin()) || !Double.isFinite(b.getYMin())) {
      return;
    }
    any = true;
    xmin = Math.min(xmin, b.getXMin());
    xmax = Math.max(xmax, b.getXMax());
    ymin = Math.min(ymin, b.getYMin());
    ymax = Math.max(ymax, b.getYMax());
    for (int code : stats.getGeospatialTypes().getTypes()) {
      String name = code >= 1 && code < TYPES.length ? TYPES[code] : null;
      if (name == null) {
        // Z and M variants (and anything unexpected) are not written here: no extent is claimed
        known = false;
        return;
      }
      types.add(name);
    }
  }

  /** The {@code extra_stats} JSON, or null when the extent is unknown or empty. */
  String json() {
    if (!known || !any) {
      return null;
    }
    return new io.quacklake.internal.types.GeometryStats(xmin, xmax, ymin, ymax, types).json();
  }
}
