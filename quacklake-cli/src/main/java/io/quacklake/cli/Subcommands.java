package io.quacklake.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The commands under {@code quacklake}, registered on demand: picocli builds a command's model by
 * reflecting over its annotations, which costs a short command more than its work (about 170 ms for
 * all thirty). A run registers only the commands its arguments name, or all of them when they name
 * none, {@code help} or {@code completion} (the listings, suggestions for a misspelt command and
 * the completion script need every one). A command not named in the arguments cannot be the one
 * that runs, so what a run does is unchanged.
 */
final class Subcommands {
  /**
   * Every command's name, in the order the top-level help lists them. (A switch makes them, not a
   * map of constructor references: JDK 25's ahead-of-time cache writer fails on such a map.)
   */
  static final List<String> NAMES =
      List.of(
          "snapshots",
          "tables",
          "describe",
          "scan",
          "init",
          "create-table",
          "append",
          "delete",
          "update",
          "merge",
          "alter-table",
          "drop-table",
          "flush-inlined-data",
          "add-files",
          "changes",
          "migrate",
          "merge-adjacent-files",
          "rewrite-data-files",
          "expire-snapshots",
          "cleanup-old-files",
          "delete-orphaned-files",
          "checkpoint",
          "catalog",
          "create-schema",
          "drop-schema",
          "files",
          "options",
          "set-option",
          "serve",
          "completion",
          "help");

  private Subcommands() {}

  /** A new instance of the command named {@code name}, one of {@link #NAMES}. */
  static Object create(String name) {
    return switch (name) {
      case "snapshots" -> new SnapshotsCommand();
      case "tables" -> new TablesCommand();
      case "describe" -> new DescribeCommand();
      case "scan" -> new ScanCommand();
      case "init" -> new InitCommand();
      case "create-table" -> new CreateTableCommand();
      case "append" -> new AppendCommand();
      case "delete" -> new DeleteCommand();
      case "update" -> new UpdateCommand();
      case "merge" -> new MergeCommand();
      case "alter-table" -> new AlterTableCommand();
      case "drop-table" -> new DropTableCommand();
      case "flush-inlined-data" -> new FlushInlinedDataCommand();
      case "add-files" -> new AddFilesCommand();
      case "changes" -> new ChangesCommand();
      case "migrate" -> new MigrateCommand();
      case "merge-adjacent-files" -> new MergeAdjacentFilesCommand();
      case "rewrite-data-files" -> new RewriteDataFilesCommand();
      case "expire-snapshots" -> new ExpireSnapshotsCommand();
      case "cleanup-old-files" -> new CleanupOldFilesCommand();
      case "delete-orphaned-files" -> new DeleteOrphanedFilesCommand();
      case "checkpoint" -> new CheckpointCommand();
      case "catalog" -> new CatalogCommand();
      case "create-schema" -> new CreateSchemaCommand();
      case "drop-schema" -> new DropSchemaCommand();
      case "files" -> new FilesCommand();
      case "options" -> new OptionsCommand();
      case "set-option" -> new SetOptionCommand();
      case "serve" -> new ServeCommand();
      case "completion" -> new CompletionCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /** Adds to {@code root} the commands {@code args} may run (see the class comment). */
  static void register(CommandLine root, String... args) {
    Set<String> named = new HashSet<>();
    for (String arg : args) {
      if (NAMES.contains(arg)) {
        named.add(arg);
      }
    }
    boolean every = named.isEmpty() || named.contains("help") || named.contains("completion");
    for (String name : NAMES) {
      if (every || named.contains(name)) {
        root.addSubcommand(name, create(name));
      }
    }
  }
}
