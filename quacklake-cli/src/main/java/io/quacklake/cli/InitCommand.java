package io.quacklake.cli;

import io.quacklake.CatalogLocations;
import io.quacklake.Lake;
import io.quacklake.exceptions.QuacklakeException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code init}: creates a new DuckLake 1.0 lake at {@code --catalog}; prints snapshot 0. */
@Command(
    name = "init",
    description =
        "Create a new lake at --catalog with data path --data-path; prints its snapshot id")
final class InitCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--spec-version",
      paramLabel = "VERSION",
      defaultValue = "1.0",
      description =
          "DuckLake version of the new lake: 1.0 (default; DuckDB 1.5 and 2.0 open it), 1.1-dev1"
              + " (DuckDB development builds) or 1.1 (DuckDB 2.0)")
  String specVersion;

  @Override
  public Integer call() {
    String dataPath = main.lakeOptions.dataPath();
    boolean objectStore = CatalogLocations.isObjectStore(main.lakeOptions.catalog());
    if ((dataPath == null || dataPath.isBlank()) && !objectStore) {
      throw QuacklakeException.invalid(
          "init needs --data-path PATH (or QUACKLAKE_DATA_PATH): the directory where the lake's"
              + " Parquet files go, e.g. --data-path lake/data/ (an object-store catalog,"
              + " s3://, az://, gs:// or file://, defaults to its data/ directory)");
    }
    try (Lake lake =
        Lake.create(
            main.lakeOptions.catalog(), dataPath, main.lakeOptions.options(), specVersion)) {
      WrittenSnapshot.print(lake.currentSnapshot());
    }
    return 0;
  }
}
