package io.quacklake.internal.catalog;

/**
 * The system columns of inlined-data tables: plain in DuckLake 1.0, prefixed with {@code
 * _ducklake_} from 1.1-dev1 on (so user columns may use the plain names).
 */
record InlinedColumnNames(String rowId, String beginSnapshot, String endSnapshot) {
  static InlinedColumnNames of(SpecVersion version) {
    return version.prefixedInlinedColumns()
        ? new InlinedColumnNames(
            "_ducklake_row_id", "_ducklake_begin_snapshot", "_ducklake_end_snapshot")
        : new InlinedColumnNames("row_id", "begin_snapshot", "end_snapshot");
  }
}
