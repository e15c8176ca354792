package io.quacklake.internal.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/** Geometry extents as DuckDB writes them in {@code extra_stats}: read, widened, written. */
class GeometryStatsTest {
  private static final String DUCKDB =
      "{\"bbox\": {\"xmin\": -7.000000, \"xmax\": 3.000000, \"ymin\": 0.000000, \"ymax\":"
          + " 9.500000, \"zmin\": null, \"zmax\": null, \"mmin\": null, \"mmax\": null},"
          + " \"types\": [\"linestring\", \"point\"]}";

  @Test
  void duckDbsTextRoundTripsAndWidens() {
    GeometryStats s = GeometryStats.parse(DUCKDB);
    assertThat(s).isEqualTo(new GeometryStats(-7, 3, 0, 9.5, Set.of("point", "linestring")));
    assertThat(s.json()).isEqualTo(DUCKDB);
    GeometryStats wider = s.union(new GeometryStats(10, 11, -1, 0, Set.of("polygon")));
    assertThat(wider.json())
        .startsWith("{\"bbox\": {\"xmin\": -7.000000, \"xmax\": 11.000000, \"ymin\": -1.000000,")
        .endsWith("\"types\": [\"linestring\", \"point\", \"polygon\"]}");
  }

  @Test
  void unknownOrThreeDimensionalExtentsAreNull() {
    assertThat(GeometryStats.parse(null)).isNull();
    assertThat(GeometryStats.parse("not json")).isNull();
    assertThat(GeometryStats.parse(DUCKDB.replace("\"zmin\": null", "\"zmin\": 1.0"))).isNull();
    assertThat(GeometryStats.parse("{\"types\": [\"point\"]}")).isNull();
  }

  @Test
  void aValuesExtentComesFromItsWkb() {
    GeometryFactory f = new GeometryFactory();
    byte[] line =
        new WKBWriter()
            .write(
                f.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(3, 4)}));
    assertThat(GeometryStats.of(line))
        .isEqualTo(new GeometryStats(0, 3, 0, 4, Set.of("linestring")));
    byte[] z = new WKBWriter(3).write(f.createPoint(new Coordinate(1, 2, 3)));
    assertThat(GeometryStats.of(z)).as("Z is not recorded here").isNull();
    assertThat(GeometryStats.of(new byte[] {1, 2})).isNull();
  }
}
