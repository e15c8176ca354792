package io.quacklake.types;

import io.quacklake.exceptions.QuacklakeException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DuckLake column type without its children. Nested types ({@code struct}, {@code list}, {@code
 * map}) carry their structure in the child {@link LakeColumn}s, exactly as the catalog stores them.
 *
 * @param id the type
 * @param precision decimal precision (1..38), 0 for other types
 * @param scale decimal scale, 0 for other types
 */
public record LakeType(TypeId id, int precision, int scale) implements java.io.Serializable {
  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

  public LakeType {
    Objects.requireNonNull(id, "id is null");
    if (id == TypeId.DECIMAL) {
      if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
        throw QuacklakeException.invalid(
            "decimal(%d,%d) is not a valid decimal: precision must be 1..38 and scale 0..precision",
            precision, scale);
      }
    } else if (precision != 0 || scale != 0) {
      throw QuacklakeException.invalid("%s takes no precision or scale", id.ducklakeName());
    }
  }

  public static LakeType of(TypeId id) {
    return new LakeType(id, 0, 0);
  }

  public static LakeType decimal(int precision, int scale) {
    return new LakeType(TypeId.DECIMAL, precision, scale);
  }

  /**
   * Parses a stored DuckLake type name such as {@code int32}, {@code decimal(10,2)} or {@code
   * struct}.
   *
   * @throws QuacklakeException UNSUPPORTED for a name this release does not know
   */
  public static LakeType parse(String name) {
    Objects.requireNonNull(name, "name is null");
    String trimmed = name.trim();
    Matcher m = DECIMAL.matcher(trimmed.toLowerCase(java.util.Locale.ROOT));
    if (m.matches()) {
      return decimal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    TypeId id = TypeId.fromDucklakeName(trimmed);
    if (id == null) {
      throw QuacklakeException.unsupported(
          "DuckLake column type '%s' is not supported by this Quacklake release", name);
    }
    return of(id);
  }

  /** The name DuckLake stores, e.g. {@code decimal(10,2)}. */
  public String ducklakeName() {
    return id == TypeId.DECIMAL ? "decimal(" + precision + "," + scale + ")" : id.ducklakeName();
  }

  @Override
  public String toString() {
    return ducklakeName();
  }
}
