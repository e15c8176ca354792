package io.quacklake.internal.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A geometry column's extent as DuckDB keeps it in {@code extra_stats}: the x/y bounding box and
 * the lower-case geometry types, written as {@code {"bbox": {"xmin": …, …, "mmax": null}, "types":
 * [...]}} with six decimals. Extents only grow: {@link #union} is what file and table statistics
 * need.
 */
public record GeometryStats(double xmin, double xmax, double ymin, double ymax, Set<String> types) {
  private static final JsonFactory JSON = new JsonFactory();

  public GeometryStats {
    types = Set.copyOf(new TreeSet<>(types));
  }

  /** The extent of both. */
  public GeometryStats union(GeometryStats other) {
    Set<String> all = new TreeSet<>(types);
    all.addAll(other.types);
    return new GeometryStats(
        Math.min(xmin, other.xmin),
        Math.max(xmax, other.xmax),
        Math.min(ymin, other.ymin),
        Math.max(ymax, other.ymax),
        all);
  }

  /** DuckDB's {@code extra_stats} text. */
  public String json() {
    return String.format(
        Locale.ROOT,
        "{\"bbox\": {\"xmin\": %f, \"xmax\": %f, \"ymin\": %f, \"ymax\": %f, \"zmin\": null,"
            + " \"zmax\": null, \"mmin\": null, \"mmax\": null}, \"types\": [%s]}",
        xmin,
        xmax,
        ymin,
        ymax,
        String.join(", ", new TreeSet<>(types).stream().map(t -> "\"" + t + "\"").toList()));
  }

  /**
   * The extent of one WKB value, or null when it has none Quacklake records (empty, Z or M
   * coordinates, unreadable).
   */
  public static GeometryStats of(byte[] wkb) {
    Geometry g;
    try {
      g = new WKBReader().read(wkb);
    } catch (ParseException | RuntimeException e) {
      return null;
    }
    if (g.isEmpty()) {
      return null;
    }
    for (Coordinate c : g.getCoordinates()) {
      if (!Double.isNaN(c.getZ()) || !Double.isNaN(c.getM())) {
        return null;
      }
    }
    Set<String> types = new TreeSet<>();
    collectTypes(g, types);
    Envelope e = g.getEnvelopeInternal();
    return new GeometryStats(e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY(), types);
  }

  private static void collectTypes(Geometry g, Set<String> out) {
    out.add(g.getGeometryType().toLowerCase(Locale.ROOT));
  }

  /**
   * Reads {@code extra_stats} text with x/y bounds and types; null when it is absent, has no x/y
   * bounds, or records Z or M bounds (Quacklake keeps x/y extents only).
   */
  public static GeometryStats parse(String json) {
    if (json == null) {
      return null;
    }
    double[] box = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    Set<String> types = new TreeSet<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("bbox") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            int at = java.util.List.of("xmin", "xmax", "ymin", "ymax").indexOf(key);
            if (t.isNumeric() && at >= 0) {
              box[at] = p.getDoubleValue();
            } else if (t != JsonToken.VALUE_NULL) {
              return null;
            }
          }
        } else if (field.equals("types") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            types.add(p.getText());
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return null;
    }
    for (double d : box) {
      if (Double.isNaN(d)) {
        return null;
      }
    }
    return new GeometryStats(box[0], box[1], box[2], box[3], types);
  }
}
