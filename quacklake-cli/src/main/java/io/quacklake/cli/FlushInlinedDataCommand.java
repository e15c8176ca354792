package io.quacklake.cli;

import io.quacklake.Lake;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code flush-inlined-data [TABLE]}: DuckDB's {@code ducklake_flush_inlined_data}. */
@Command(
    name = "flush-inlined-data",
    description =
        "Move rows inlined in the catalog to Parquet files (all tables, or TABLE); prints the"
            + " snapshot id the lake is at afterwards",
    footer = "Example: quacklake flush-inlined-data main.orders")
final class FlushInlinedDataCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Parameters(arity = "0..1", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        MaintenanceProgressLine progress =
            new MaintenanceProgressLine(Progress.wanted(main.quiet))) {
      MaintenanceOutput.snapshot(
          lake.maintenance().withProgress(progress).flushInlinedData(table), lake);
    }
    return 0;
  }
}
