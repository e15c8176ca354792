package io.quacklake.internal.txn;

import io.quacklake.TableName;
import java.util.Objects;

/**
 * A view created by a transaction.
 *
 * @param name its schema and name
 * @param sql its query as stored in {@code ducklake_view.sql} (DuckDB writes its own rendering,
 *     with {@code {DUCKLAKE_CATALOG}} standing for the lake's catalog name)
 * @param columnAliases DuckDB's column alias list, empty for none
 */
public record NewView(TableName name, String sql, String columnAliases) {
  public NewView {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(sql, "sql is null");
    Objects.requireNonNull(columnAliases, "columnAliases is null");
  }
}
