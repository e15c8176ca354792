package io.quacklake.internal.lake;

import io.quacklake.PartitionField;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.SpecVersion;
import io.quacklake.internal.write.PartitionKey;
import java.util.List;
import java.util.Locale;

/**
 * What a lake's DuckLake version allows, checked where a change is asked for: the {@code epoch_*}
 * partition transforms need 1.1, and from 1.1 on user column names starting with {@code _ducklake_}
 * are reserved (case-insensitive), as in DuckDB.
 */
public final class VersionGate {
  private static final String RESERVED_PREFIX = "_ducklake_";

  private VersionGate() {}

  /**
   * @throws QuacklakeException INVALID_ARGUMENT for an {@code epoch_*} transform on a 1.0 lake
   */
  public static void partitioning(SpecVersion version, List<PartitionField> fields) {
    if (version != SpecVersion.V1_0) {
      return;
    }
    for (PartitionField f : fields) {
      if (PartitionKey.isEpoch(f.transform())) {
        throw QuacklakeException.invalid(
            "DuckLake 1.0 does not support the %s partition transform; migrate the lake with"
                + " 'quacklake migrate --to 1.1-dev1' (DuckDB 1.5 can then no longer open it) or"
                + " use %s",
            f.transform(), f.transform().substring("epoch_".length()));
      }
    }
  }

  /**
   * @throws QuacklakeException INVALID_ARGUMENT for a top-level column name reserved by the lake's
   *     version
   */
  public static void columnName(SpecVersion version, String name) {
    if (version.prefixedInlinedColumns()
        && name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
      throw QuacklakeException.invalid(
          "column name \"%s\" is reserved by DuckLake for internal use: column names starting with"
              + " \"%s\" are not allowed; choose another name",
          name, RESERVED_PREFIX);
    }
  }
}
