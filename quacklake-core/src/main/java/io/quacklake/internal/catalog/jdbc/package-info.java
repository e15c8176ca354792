/**
 * Getting a JDBC connection to each kind of catalog database and the SQL differences between them.
 * A {@link io.quacklake.internal.catalog.jdbc.ConnectionSource} hands out connections: one shared
 * connection for an embedded SQLite or DuckDB catalog, a HikariCP pool for PostgreSQL and MySQL, a
 * private local copy per transaction for the object-store catalog. A {@link
 * io.quacklake.internal.catalog.jdbc.SqlDialect} per database opens the first connection (parsing
 * PostgreSQL conninfo and MySQL URLs, choosing driver classes, checking the optional libraries it
 * needs) and holds the SQL that differs between databases. Uses the catalog package's location and
 * value encodings only; must not depend on the gateways, {@code CatalogConnection} or {@code
 * CatalogSession}, which build on this package.
 */
package io.quacklake.internal.catalog.jdbc;
