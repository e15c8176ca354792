package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Help that works on every command, the completion script, schema commands, commit messages on
 * writing commands and appends from standard input ({@code docs/cli.md}).
 */
class CliHelpTest {
  @TempDir Path temp;

  /** Every command name under {@code quacklake}, nested ones as "catalog export". */
  private static List<String> commands() {
    CommandLine cli = Main.commandLine(new Main());
    List<String> out = new ArrayList<>();
    collect(cli, "", out);
    return out;
  }

  private static void collect(CommandLine cli, String prefix, List<String> out) {
    for (Map.Entry<String, CommandLine> e : cli.getSubcommands().entrySet()) {
      String name = prefix + e.getKey();
      out.add(name);
      collect(e.getValue(), name + " ", out);
    }
  }

  @Test
  void everyCommandAnswersHelpWithItsOptionsAndAnExample() {
    List<String> names = commands();
    assertThat(names)
        .contains("scan", "append", "catalog export", "serve", "create-schema", "help");
    for (String name : names) {
      List<String> args = new ArrayList<>(List.of(name.split(" ")));
      args.add("--help");
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exit()).as("%s --help: %s", name, run.err()).isZero();
      assertThat(run.out())
          .as(name)
          .contains("Usage: quacklake " + name)
          .contains("Example:")
          .contains("-h, --help");
    }
    CliRun help = CliRun.of("help", "scan");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).isEqualTo(CliRun.of("scan", "--help").out());
  }

  @Test
  void everyCommandIsRegisteredUnderItsOwnName() {
    for (String name : Subcommands.NAMES) {
      assertThat(new CommandLine(Subcommands.create(name)).getCommandName()).isEqualTo(name);
    }
  }

  @Test
  void aRunBuildsOnlyTheCommandsItsArgumentsName() {
    assertThat(
            Main.commandLine(new Main(), "--catalog", "l.sqlite", "scan", "t", "--limit", "1")
                .getSubcommands())
        .containsOnlyKeys("scan");
    assertThat(Main.commandLine(new Main(), "--catalog", "tables", "files", "t").getSubcommands())
        .containsOnlyKeys("tables", "files");
    for (String[] every :
        List.of(new String[] {"--quiet"}, new String[] {"help", "scan"}, new String[] {"scna"})) {
      assertThat(Main.commandLine(new Main(), every).getSubcommands())
          .as(String.join(" ", every))
          .containsOnlyKeys(Subcommands.NAMES.toArray(String[]::new));
    }
    CliRun misspelt = CliRun.of("--catalog", "l.sqlite", "scna");
    assertThat(misspelt.exit()).isEqualTo(1);
    assertThat(misspelt.err()).contains("Unmatched argument at index 2: 'scna'");
  }

  @Test
  void theTopLevelHelpListsEveryCommandInFullAndPointsOn() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exit()).isZero();
    for (String name : commands()) {
      if (!name.contains(" ")) {
        assertThat(run.out()).contains("  " + name + " ");
      }
    }
    assertThat(run.out().lines().filter(l -> l.matches("^  [a-z-]+ .*:$")))
        .as("no command's line is cut off")
        .isEmpty();
    assertThat(run.out()).contains("quacklake help COMMAND").contains("docs/cli.md");
  }

  @Test
  void theBashCompletionScriptSources() throws Exception {
    CliRun run = CliRun.of("completion", "bash");
    assertThat(run.exit()).isZero();
    Path script = temp.resolve("quacklake-completion.bash");
    Files.writeString(script, run.out());
    Process bash =
        new ProcessBuilder("bash", "-c", "source '" + script + "' && complete -p quacklake")
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(out).isZero();
    assertThat(out).contains("quacklake");
    assertThat(CliRun.of("completion", "zsh").out()).startsWith("autoload -U +X bashcompinit");
    assertThat(CliRun.of("completion", "fish").exit()).isEqualTo(1);
  }

  @Test
  void schemasCommitMessagesAndStandardInput() throws Exception {
    CliLake lake = new CliLake(temp);
    lake.write("create-schema", "staging", "--message", "a place to load", "--author", "ops");
    lake.write("create-table", "staging.t", "--schema", "id BIGINT, name VARCHAR");
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream("id,name\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8)));
      lake.write("append", "staging.t", "-", "--input-format", "csv", "--message", "from a pipe");
    } finally {
      System.setIn(stdin);
    }
    assertThat(lake.scan("staging.t", "csv")).containsExactly("id,name", "1,a", "2,b");
    assertThat(lake.fails(1, "append", "staging.t", "-")).contains("--input-format");
    String snapshots = lake.run("snapshots", "--format", "json").out();
    assertThat(snapshots).contains("a place to load").contains("ops").contains("from a pipe");
    lake.fails(1, "drop-schema", "staging");
    lake.write("drop-schema", "staging", "--cascade");
    assertThat(lake.run("tables").out()).doesNotContain("staging");
  }

  @Test
  void scanLimitGivesTheFirstRowsInTheTablesOrder() throws Exception {
    CliLake lake = new CliLake(temp);
    lake.write("create-table", "t", "--schema", "id BIGINT");
    for (int f = 2; f >= 0; f--) {
      StringBuilder rows = new StringBuilder("id");
      for (int i = 0; i < 500; i++) {
        rows.append('\n').append(f * 1000 + i);
      }
      lake.write("append", "t", lake.file("f" + f + ".csv", rows.toString()).toString());
    }
    List<String> first = lake.scan("t", "csv", "--limit", "3");
    assertThat(first).containsExactly("id", "2000", "2001", "2002");
    for (int i = 0; i < 3; i++) {
      assertThat(lake.scan("t", "csv", "--limit", "3")).isEqualTo(first);
    }
    assertThat(lake.scan("t", "csv")).hasSize(1501).element(501).isEqualTo("1000");
  }

  @Test
  void statsPrintsEachScansAndCommitsReport() throws Exception {
    CliLake lake = new CliLake(temp);
    lake.write("create-table", "t", "--schema", "id BIGINT");
    for (int f = 0; f < 3; f++) {
      StringBuilder rows = new StringBuilder("id");
      for (int i = 0; i < 100; i++) {
        rows.append('\n').append(f * 1000 + i);
      }
      lake.write("append", "t", lake.file("f" + f + ".csv", rows.toString()).toString());
    }
    CliRun scan = lake.run("--stats", "scan", "t", "--where", "id >= 2000", "--format", "csv");
    assertThat(scan.exit()).isZero();
    assertThat(scan.lines()).hasSize(101);
    assertThat(scan.err())
        .contains("stats: scan main.t @")
        .contains("1 of 3 files read (2 pruned)")
        .contains("100 returned");
    CliRun delete = lake.run("--stats", "delete", "t", "--where", "id < 10");
    assertThat(delete.err()).contains("stats: commit of snapshot").contains("10 rows deleted");
  }

  @Test
  void tablesQuotesNamesSoTheyCanBePassedBack() throws Exception {
    CliLake lake = new CliLake(temp);
    lake.write("create-table", "\"my.odd \"\"table\"\"\"", "--schema", "id BIGINT");
    lake.write("create-table", "plain_name", "--schema", "id BIGINT");
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> names = new ArrayList<>();
    for (String line : lake.run("tables", "--format", "json").lines()) {
      names.add(json.readTree(line).get("table").asText());
    }
    assertThat(names).containsExactlyInAnyOrder("main.\"my.odd \"\"table\"\"\"", "main.plain_name");
    for (String name : names) {
      assertThat(lake.run("describe", name).exit()).as("%s is accepted back", name).isZero();
    }
  }

  @Test
  void filesListsDataFilesWithTheirDeletes() throws Exception {
    CliLake lake = new CliLake(temp);
    lake.write("create-table", "t", "--schema", "id BIGINT");
    for (int f = 0; f < 2; f++) {
      StringBuilder rows = new StringBuilder("id");
      for (int i = 0; i < 500; i++) {
        rows.append('\n').append(f * 1000 + i);
      }
      lake.write("append", "t", lake.file("f" + f + ".csv", rows.toString()).toString());
    }
    long before = lake.snapshots() - 1;
    lake.write("delete", "t", "--where", "id < 100");
    List<String> files = lake.run("files", "t", "--format", "csv").lines();
    assertThat(files.get(0))
        .isEqualTo(
            "data_file,record_count,data_file_size_bytes,data_file_footer_size,delete_file,"
                + "delete_file_size_bytes,deleted_rows");
    assertThat(files).hasSize(3);
    for (String line : files.subList(1, 3)) {
      String[] cells = line.split(",", -1);
      Path file = Path.of(cells[0].replace("file://", ""));
      assertThat(Files.size(file)).isEqualTo(Long.parseLong(cells[2]));
      assertThat(cells[1]).isEqualTo("500");
    }
    assertThat(files.subList(1, 3)).anyMatch(l -> l.endsWith(",100"));
    assertThat(lake.run("files", "t", "--format", "csv", "--as-of", Long.toString(before)).lines())
        .allMatch(l -> !l.endsWith(",100"));
  }

  @Test
  void optionsAndSetOption() throws Exception {
    CliLake lake = new CliLake(temp);
    List<String> before = lake.run("options", "--format", "csv").lines();
    assertThat(before.get(0)).isEqualTo("option_name,value,scope,scope_entry");
    assertThat(before).anyMatch(l -> l.startsWith("version,"));
    CliRun set = lake.run("set-option", "target_file_size", "1048576");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out().strip()).isEqualTo("1048576");
    assertThat(lake.run("options", "--format", "csv").lines())
        .contains("target_file_size,1048576,GLOBAL,");
    lake.write("create-table", "t", "--schema", "id BIGINT");
    assertThat(lake.run("set-option", "parquet_row_group_size", "1000", "--table", "t").out())
        .isEqualTo("1000\n");
    assertThat(lake.run("set-option", "data_inlining_row_limit", "0", "--schema", "main").exit())
        .isZero();
    assertThat(lake.run("options", "--format", "csv").lines())
        .contains(
            "parquet_row_group_size,1000,TABLE,main.t", "data_inlining_row_limit,0,SCHEMA,main");
    assertThat(lake.fails(2, "set-option", "x", "y", "--table", "nope")).contains("nope");
    assertThat(lake.fails(2, "set-option", "x", "y", "--schema", "nope")).contains("create-schema");
  }
}
