package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * GEOMETRY values as DuckDB prints them: well-known text ({@code POINT (1 2)}, {@code LINESTRING (0
 * 0, 3 4)}); values themselves are little-endian WKB, as DuckDB stores them.
 */
final class GeometryText {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private GeometryText() {}

  /** The WKT of a WKB value, as DuckDB prints it. */
  static String format(byte[] wkb) {
    Geometry g;
    try {
      g = new WKBReader(FACTORY).read(wkb);
    } catch (ParseException | RuntimeException e) {
      throw QuacklakeException.invalid(
          "a GEOMETRY value is not well-known binary: %s", e.getMessage());
    }
    return text(g);
  }

  /** A geometry's WKT: its tag, {@code Z} when it has z ordinates, then its body or EMPTY. */
  private static String text(Geometry g) {
    StringBuilder out = new StringBuilder();
    boolean z = hasZ(g);
    out.append(g.getGeometryType().toUpperCase(java.util.Locale.ROOT));
    if (z) {
      out.append(" Z");
    }
    if (g.isEmpty()) {
      return out.append(" EMPTY").toString();
    }
    out.append(' ');
    body(out, g, z);
    return out.toString();
  }

  private static boolean hasZ(Geometry g) {
    Coordinate c = g.getCoordinate();
    return c != null && !Double.isNaN(c.getZ());
  }

  private static void body(StringBuilder out, Geometry g, boolean z) {
    if (g instanceof Point p) {
      out.append('(');
      coordinate(out, p.getCoordinate(), z);
      out.append(')');
    } else if (g instanceof LineString l) {
      coordinates(out, l.getCoordinates(), z);
    } else if (g instanceof Polygon p) {
      out.append('(');
      coordinates(out, p.getExteriorRing().getCoordinates(), z);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        out.append(", ");
        coordinates(out, p.getInteriorRingN(i).getCoordinates(), z);
      }
      out.append(')');
    } else if (g instanceof MultiPoint m) {
      // DuckDB writes a multipoint's points without their own parentheses
      coordinates(out, m.getCoordinates(), z);
    } else {
      out.append('(');
      for (int i = 0; i < g.getNumGeometries(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        Geometry part = g.getGeometryN(i);
        if (g instanceof GeometryCollection
            && !(g instanceof org.locationtech.jts.geom.MultiLineString)
            && !(g instanceof org.locationtech.jts.geom.MultiPolygon)) {
          // a collection's members carry their own tags
          out.append(text(part));
        } else {
          body(out, part, z);
        }
      }
      out.append(')');
    }
  }

  private static void coordinates(StringBuilder out, Coordinate[] cs, boolean z) {
    out.append('(');
    for (int i = 0; i < cs.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      coordinate(out, cs[i], z);
    }
    out.append(')');
  }

  private static void coordinate(StringBuilder out, Coordinate c, boolean z) {
    number(out, c.getX());
    out.append(' ');
    number(out, c.getY());
    if (z) {
      out.append(' ');
      number(out, c.getZ());
    }
  }

  /** DuckDB's shortest text of a double, without a trailing {@code .0}. */
  private static void number(StringBuilder out, double v) {
    int start = out.length();
    FloatText.appendDouble(out, v);
    if (out.length() - start > 2
        && out.charAt(out.length() - 2) == '.'
        && out.charAt(out.length() - 1) == '0') {
      out.setLength(out.length() - 2);
    }
  }

  /**
   * The WKB of WKT text (or of DuckDB's blob text {@code \x01...} of WKB).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for text that is neither
   */
  static byte[] parse(String text) {
    String t = text.trim();
    if (t.startsWith("\\x")) {
      return BlobText.parse(t);
    }
    try {
      Geometry g = new WKTReader(FACTORY).read(t);
      Coordinate first = g.getCoordinate();
      if (first != null && (!Double.isNaN(first.getZ()) || !Double.isNaN(first.getM()))) {
        throw QuacklakeException.unsupported(
            "'%s': geometries with Z or M coordinates are not written yet; give x and y only",
            text);
      }
      return new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
    } catch (ParseException | IllegalArgumentException e) {
      throw QuacklakeException.invalid(
          "'%s' is not a GEOMETRY: expected well-known text such as POINT (1 2)", text);
    }
  }
}
