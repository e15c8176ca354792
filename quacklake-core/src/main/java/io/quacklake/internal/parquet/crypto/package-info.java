/**
 * Parquet files of encrypted lakes, as DuckDB writes them (its {@code ENCRYPTED} option): AES-GCM
 * modules without additional authenticated data, one per page header, page and footer, behind the
 * {@code PARE} magic, with a per-file key the catalog holds (base64 in {@code encryption_key}).
 * Files are decrypted whole into memory and handed to the Parquet readers as plain Parquet; writers
 * write plain Parquet into memory and encrypt it before upload. Depends on parquet-java's Thrift
 * structures and the storage interfaces.
 */
package io.quacklake.internal.parquet.crypto;
