package io.quacklake.bench;

/**
 * An object store the remote-data workloads run against ({@link RemoteDataBench}), with the server
 * that backs it for the run; closing it stops the server.
 */
interface RemoteStore extends AutoCloseable {
  /** The store's name in the report ({@code S3}, {@code Azure}). */
  String name();

  /** The server behind it, for the section heading ({@code S3Proxy on loopback}). */
  String server();

  /** A new, empty data path ({@code s3://bench/UUID/}). */
  String newDataPath();

  /** Requests made so far by the stores this process opened on it. */
  long requests();

  /** What one scan's requests are, for the note under the table. */
  String requestsNote();

  @Override
  void close();
}
