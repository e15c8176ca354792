package io.quacklake.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help on every command: {@code -h}/{@code --help} wherever it is missing, an example under each
 * command's options, and a pointer to {@code help COMMAND} and the contract under the top-level
 * list.
 */
final class CommandHelp {
  private static final String L = "quacklake --catalog lake.sqlite ";

  /** An example per command, by its name under {@code quacklake}. */
  static final Map<String, String> EXAMPLES =
      Map.ofEntries(
          Map.entry("snapshots", L + "snapshots --format json"),
          Map.entry("tables", L + "tables"),
          Map.entry("describe", L + "describe main.events"),
          Map.entry("scan", L + "scan events --columns id,kind --where \"id > 10\" --limit 5"),
          Map.entry("init", "quacklake --catalog lake.sqlite --data-path data/ init"),
          Map.entry(
              "create-table",
              L + "create-table events --schema \"id BIGINT, kind VARCHAR\" --partition-by kind"),
          Map.entry("append", L + "append events rows.csv more.parquet"),
          Map.entry("delete", L + "delete events --where \"kind = 'test'\""),
          Map.entry("update", L + "update events --set \"kind = 'x'\" --where \"id = 1\""),
          Map.entry("merge", L + "merge events changes.parquet --on id"),
          Map.entry("alter-table", L + "alter-table events add-column \"note VARCHAR\""),
          Map.entry("drop-table", L + "drop-table events"),
          Map.entry("create-schema", L + "create-schema staging"),
          Map.entry("files", L + "files main.events --as-of 12"),
          Map.entry("changes", L + "changes main.events --from 12 --to 15"),
          Map.entry("options", L + "options"),
          Map.entry("set-option", L + "set-option target_file_size 268435456"),
          Map.entry("drop-schema", L + "drop-schema staging --cascade"),
          Map.entry("flush-inlined-data", L + "flush-inlined-data events"),
          Map.entry("add-files", L + "add-files events /exports/2026/*.parquet"),
          Map.entry("migrate", L + "migrate --to 1.1"),
          Map.entry("merge-adjacent-files", L + "merge-adjacent-files events"),
          Map.entry("rewrite-data-files", L + "rewrite-data-files --delete-threshold 0.5"),
          Map.entry("expire-snapshots", L + "expire-snapshots --older-than \"7 days\" --dry-run"),
          Map.entry("cleanup-old-files", L + "cleanup-old-files --older-than \"2 days\""),
          Map.entry("delete-orphaned-files", L + "delete-orphaned-files --dry-run"),
          Map.entry("checkpoint", L + "checkpoint"),
          Map.entry("catalog", "quacklake --catalog file:///lakes/events catalog versions"),
          Map.entry(
              "catalog versions", "quacklake --catalog file:///lakes/events catalog versions"),
          Map.entry(
              "catalog restore", "quacklake --catalog file:///lakes/events catalog restore 12"),
          Map.entry("catalog gc", "quacklake --catalog s3://bucket/lake catalog gc"),
          Map.entry(
              "catalog export",
              "quacklake --catalog s3://bucket/lake catalog export lake.duckdb --format duckdb"),
          Map.entry("serve", L + "serve --port 0"),
          Map.entry("completion", "source <(quacklake completion bash)"),
          Map.entry("help", "quacklake help scan"));

  private CommandHelp() {}

  /** Adds the help options, examples and footers to {@code root} and every command under it. */
  static void install(CommandLine root) {
    root.getCommandSpec()
        .usageMessage()
        .footer(
            "",
            "Run 'quacklake help COMMAND' (or COMMAND --help) for its options and an example.",
            "Catalog locations, formats, exit codes: docs/cli.md.");
    for (CommandLine sub : root.getSubcommands().values()) {
      installOn(sub);
    }
  }

  private static void installOn(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
      spec.addOption(
          OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help and exit")
              .build());
    }
    String name = spec.qualifiedName(" ").replaceFirst("^quacklake ", "");
    String example = EXAMPLES.get(name);
    if (example != null && spec.usageMessage().footer().length == 0) {
      spec.usageMessage().footer("", "Example:", "  " + example);
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      installOn(sub);
    }
  }
}
