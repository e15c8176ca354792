package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;

/** The DuckLake catalog versions this release reads. */
public enum SpecVersion {
  V1_0("1.0", false),
  V1_1_DEV1("1.1-dev1", true),
  V1_1("1.1", true);

  private final String text;
  private final boolean prefixedInlinedColumns;

  SpecVersion(String text, boolean prefixedInlinedColumns) {
    this.text = text;
    this.prefixedInlinedColumns = prefixedInlinedColumns;
  }

  public String text() {
    return text;
  }

  /** Whether inlined-data tables name their system columns {@code _ducklake_row_id} etc. */
  public boolean prefixedInlinedColumns() {
    return prefixedInlinedColumns;
  }

  /**
   * Whether the released 1.1 columns exist: {@code ducklake_schema.parent_schema_id} and {@code
   * min_is_exact} / {@code max_is_exact} on both column-statistics tables.
   */
  public boolean hasReleasedV11Columns() {
    return this == V1_1;
  }

  /** Whether data and delete files carry a {@code row_group_count} column. */
  public boolean hasRowGroupCount() {
    return this != V1_0;
  }

  /**
   * The version a new lake may be created in.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT for versions Quacklake does
   *     not create
   */
  public static SpecVersion forWriting(String version) {
    if (V1_0.text.equals(version)) {
      return V1_0;
    }
    if (V1_1_DEV1.text.equals(version)) {
      return V1_1_DEV1;
    }
    if (V1_1.text.equals(version)) {
      return V1_1;
    }
    throw io.quacklake.exceptions.QuacklakeException.invalid(
        "Quacklake creates DuckLake 1.0, 1.1-dev1 and 1.1 lakes, not '%s'", version);
  }

  public static SpecVersion parse(String version, String catalog) {
    for (SpecVersion v : values()) {
      if (v.text.equals(version)) {
        return v;
      }
    }
    throw QuacklakeException.unsupported(
        "catalog %s has DuckLake version '%s'; this release reads versions 1.0, 1.1-dev1 and 1.1."
            + " Older lakes: attach them once in DuckDB with AUTOMATIC_MIGRATION to upgrade.",
        catalog, version);
  }
}
