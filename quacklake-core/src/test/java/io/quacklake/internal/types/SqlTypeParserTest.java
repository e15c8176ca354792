package io.quacklake.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTypeParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "BOOLEAN|boolean",
        "bool|boolean",
        "LOGICAL|boolean",
        "TINYINT|int8",
        "INT1|int8",
        "SMALLINT|int16",
        "INT2|int16",
        "SHORT|int16",
        "INTEGER|int32",
        "INT|int32",
        "int4|int32",
        "SIGNED|int32",
        "BIGINT|int64",
        "INT8|int64",
        "LONG|int64",
        "UTINYINT|uint8",
        "USMALLINT|uint16",
        "UINTEGER|uint32",
        "UBIGINT|uint64",
        "HUGEINT|int128",
        "UHUGEINT|uint128",
        "FLOAT|float32",
        "REAL|float32",
        "FLOAT4|float32",
        "DOUBLE|float64",
        "FLOAT8|float64",
        "DOUBLE PRECISION|float64",
        "DECIMAL(12,2)|decimal(12,2)",
        "NUMERIC(5, 0)|decimal(5,0)",
        "DECIMAL|decimal(18,3)",
        "DECIMAL(7)|decimal(7,0)",
        "decimal ( 38 , 38 )|decimal(38,38)",
        "DATE|date",
        "TIME|time",
        "TIME_NS|time_ns",
        "TIMETZ|timetz",
        "TIME WITH TIME ZONE|timetz",
        "time without time zone|time",
        "TIMESTAMP|timestamp",
        "DATETIME|timestamp",
        "TIMESTAMP_US|timestamp",
        "TIMESTAMP_S|timestamp_s",
        "TIMESTAMP_MS|timestamp_ms",
        "TIMESTAMP_NS|timestamp_ns",
        "TIMESTAMPTZ|timestamptz",
        "TIMESTAMP WITH TIME ZONE|timestamptz",
        "INTERVAL|interval",
        "VARCHAR|varchar",
        "VARCHAR(10)|varchar",
        "TEXT|varchar",
        "STRING|varchar",
        "CHAR|varchar",
        "BPCHAR|varchar",
        "JSON|json",
        "BLOB|blob",
        "BYTEA|blob",
        "VARBINARY|blob",
        "UUID|uuid"
      })
  void parsesEveryDuckDbNameOfThePrimitiveTypes(String sql, String ducklake) {
    LakeColumn c = SqlTypeParser.type("c", sql);
    assertThat(c.type().ducklakeName()).isEqualTo(ducklake);
    assertThat(c.children()).isEmpty();
    assertThat(c.nullable()).isTrue();
    assertThat(c.id()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INTEGER[]",
        "VARCHAR[][]",
        "STRUCT(a INTEGER, b VARCHAR)",
        "MAP(VARCHAR, INTEGER)",
        "STRUCT(a INTEGER[], \"b c\" MAP(VARCHAR, STRUCT(x DOUBLE)))[]",
        "DECIMAL(12,2)",
        "TIME WITH TIME ZONE",
        "TIMESTAMP WITH TIME ZONE[]"
      })
  void roundTripsThroughDuckDbNames(String sql) {
    LakeColumn c = SqlTypeParser.type("c", sql);
    assertThat(c.sqlTypeName()).isEqualTo(sql);
    assertThat(SqlTypeParser.type("c", c.sqlTypeName())).isEqualTo(c);
  }

  @Test
  void nestedTypesUseDuckLakeChildNames() {
    LakeColumn list = SqlTypeParser.type("l", "INTEGER[][]");
    assertThat(list.type().id()).isEqualTo(TypeId.LIST);
    LakeColumn inner = list.children().get(0);
    assertThat(inner.name()).isEqualTo("element");
    assertThat(inner.type().id()).isEqualTo(TypeId.LIST);
    assertThat(inner.children().get(0))
        .isEqualTo(LakeColumn.of(0, "element", LakeType.of(TypeId.INT32)));

    LakeColumn map = SqlTypeParser.type("m", "MAP(VARCHAR, INTEGER[])");
    assertThat(map.children()).extracting(LakeColumn::name).containsExactly("key", "value");
    assertThat(map.children().get(1).type().id()).isEqualTo(TypeId.LIST);

    LakeColumn struct =
        SqlTypeParser.type("s", "STRUCT(\"Quoted \"\"x\"\"\" INT, b STRUCT(c DATE))");
    assertThat(struct.children()).extracting(LakeColumn::name).containsExactly("Quoted \"x\"", "b");
    assertThat(struct.children().get(1).children().get(0).type().id()).isEqualTo(TypeId.DATE);
  }

  @Test
  void parsesColumnDefinitionsWithConstraints() {
    List<LakeColumn> columns =
        SqlTypeParser.columns(
            "id BIGINT NOT NULL, name VARCHAR NOT NULL DEFAULT 'it''s', d DECIMAL(12,2) DEFAULT 1.5,"
                + " n INTEGER DEFAULT -3 NULL, b BOOLEAN DEFAULT TRUE, t DATE DEFAULT DATE"
                + " '2024-01-02', z INTEGER DEFAULT NULL, \"Odd Name\" INTEGER[]");
    assertThat(columns)
        .extracting(LakeColumn::name)
        .containsExactly("id", "name", "d", "n", "b", "t", "z", "Odd Name");
    assertThat(columns)
        .extracting(LakeColumn::nullable)
        .containsExactly(false, false, true, true, true, true, true, true);
    assertThat(columns)
        .extracting(LakeColumn::defaultValue)
        .containsExactly(null, "it's", "1.5", "-3", "true", "2024-01-02", null, null);
  }

  @Test
  void rejectsUnknownTypesNamingThePositionAndTheAcceptedForms() {
    assertThatThrownBy(() -> SqlTypeParser.columns("id BIGINT, amount MONEY"))
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("unknown type MONEY at position 19")
        .hasMessageContaining("DECIMAL(p,s)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ENUM('a', 'b')", "UNION(a INTEGER, b VARCHAR)", "INTEGER[3]", "BIT", "VARINT"})
  void rejectsTypesDuckLakeCannotStoreAsUnsupported(String sql) {
    assertThatThrownBy(() -> SqlTypeParser.type("c", sql))
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED));
  }

  @Test
  void variantAndGeometryAreTypesOfTheirOwn() {
    assertThat(SqlTypeParser.type("c", "VARIANT").type().id()).isEqualTo(TypeId.VARIANT);
    assertThat(SqlTypeParser.type("c", "geometry").type().id()).isEqualTo(TypeId.GEOMETRY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "id",
        "id BIGINT,",
        "id BIGINT NOT",
        "id BIGINT PRIMARY",
        "id BIGINT, ID INTEGER",
        "s STRUCT(a INT, a INT)",
        "s STRUCT()",
        "m MAP(VARCHAR)",
        "d DECIMAL(39,2)",
        "d DECIMAL(5,6)",
        "l INTEGER[",
        "id BIGINT DEFAULT",
        "id BIGINT DEFAULT some_function",
        "\"unterminated BIGINT",
        "id BIGINT extra"
      })
  void rejectsMalformedDefinitions(String sql) {
    assertThatThrownBy(() -> SqlTypeParser.columns(sql))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("position");
  }

  @Test
  void typesNestedTooDeeplyAreRefusedInsteadOfOverflowingTheStack() {
    assertNestingRefused("l INTEGER" + "[]".repeat(5000));
    assertNestingRefused("s " + "STRUCT(a ".repeat(5000) + "INT" + ")".repeat(5000));
    assertNestingRefused("m " + "MAP(INT, ".repeat(5000) + "INT" + ")".repeat(5000));
    assertNestingRefused("s " + "STRUCT(a INT[], b ".repeat(127) + "INT[][]" + ")".repeat(127));
  }

  @Test
  void typesNestedToTheLimitParse() {
    LakeColumn c = SqlTypeParser.type("l", "INTEGER" + "[]".repeat(SqlTypeParser.MAX_NESTING - 1));
    int levels = 1;
    while (!c.children().isEmpty()) {
      c = c.children().get(0);
      levels++;
    }
    assertThat(levels).isEqualTo(SqlTypeParser.MAX_NESTING);
    assertThat(c.type().id()).isEqualTo(TypeId.INT32);
  }

  private static void assertNestingRefused(String sql) {
    assertThatThrownBy(() -> SqlTypeParser.columns(sql))
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
              assertThat(e.getMessage())
                  .contains("nests lists, structs and maps more than 128 deep")
                  .contains("use a flatter type")
                  .doesNotContain("\n");
            });
  }
}
