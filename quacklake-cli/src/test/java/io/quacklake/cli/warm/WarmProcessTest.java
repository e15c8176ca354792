package io.quacklake.cli.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm process with real processes: a server virtual machine on a socket in a private folder,
 * clients as separate virtual machines (or this one, for the refusals), a SQLite lake between them.
 */
class WarmProcessTest {
  @TempDir Path temp;

  private final List<Process> servers = new ArrayList<>();

  private record Run(int exit, String out, String err) {}

  @AfterEach
  void stopServers() {
    servers.forEach(Process::destroyForcibly);
  }

  private static List<String> java(String... props) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.addAll(List.of(props));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.quacklake.cli.Main");
    return command;
  }

  private Path server(long idleSeconds) throws Exception {
    Path socket = temp.resolve("s.sock");
    Process p =
        new ProcessBuilder(
                java("-Dquacklake.warm.serve=" + socket, "-Dquacklake.warm.idle=" + idleSeconds))
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("server.log").toFile())
            .start();
    servers.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(socket) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(socket).as("the server binds its socket").exists();
    return socket;
  }

  /**
   * A client process: runs {@code args} through the server at {@code socket}, {@code in} on stdin.
   */
  private static Process client(Path socket, String in, String... args) throws IOException {
    List<String> command = java("-Dquacklake.warm.socket=" + socket);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    if (in != null) {
      try (OutputStream stdin = p.getOutputStream()) {
        stdin.write(in.getBytes(StandardCharsets.UTF_8));
      }
    }
    return p;
  }

  private static Run finish(Process p) throws Exception {
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  @Test
  void commandsRunInTheServerWithTheirInputOutputAndExitCodes() throws Exception {
    Path socket = server(600);
    String catalog = "sqlite:" + temp.resolve("lake.sqlite");
    Run init =
        finish(client(socket, "", "--catalog", catalog, "--data-path", temp + "/data/", "init"));
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(
            finish(
                    client(
                        socket,
                        "",
                        "--catalog",
                        catalog,
                        "create-table",
                        "t",
                        "--schema",
                        "id BIGINT, s VARCHAR"))
                .exit())
        .isZero();
    Run append =
        finish(
            client(
                socket,
                "id,s\n1,a\n2,b\n3,c\n",
                "--catalog",
                catalog,
                "append",
                "t",
                "-",
                "--input-format",
                "csv"));
    assertThat(append.exit()).as(append.err()).isZero();
    assertThat(append.out().strip()).as("the new snapshot's id").matches("\\d+");

    Run scan = finish(client(socket, "", "--catalog", catalog, "scan", "t", "--where", "id >= 2"));
    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).isEqualTo("id,s\n2,b\n3,c\n");

    Run missing = finish(client(socket, "", "--catalog", catalog, "describe", "nope"));
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("table main.nope does not exist");

    Path log = temp.resolve("server.log");
    assertThat(servers.get(0).isAlive()).as(Files.readString(log)).isTrue();
    assertThat(Files.readString(log)).as("the server itself prints nothing").isEmpty();
  }

  @Test
  void aBusyServerRefusesAndAClientThatGoesAwayEndsIt() throws Exception {
    Path socket = server(600);
    String catalog = "sqlite:" + temp.resolve("lake.sqlite");
    assertThat(
            finish(client(socket, "", "--catalog", catalog, "--data-path", temp + "/data/", "init"))
                .exit())
        .isZero();
    assertThat(
            finish(
                    client(
                        socket,
                        "",
                        "--catalog",
                        catalog,
                        "create-table",
                        "t",
                        "--schema",
                        "id BIGINT"))
                .exit())
        .isZero();
    // an append from a standard input that stays open keeps the server busy; should the probes
    // below take the server first, the append is refused and runs on its own (the server stays
    // free), and it is started again
    Process waiting = null;
    int free = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean refused = false;
    while (!refused && System.nanoTime() < deadline) {
      if (waiting == null || free >= 8) {
        if (waiting != null) {
          waiting.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        List<String> command = java("-Dquacklake.warm.socket=" + socket);
        command.addAll(List.of("--catalog", catalog, "append", "t", "-", "--input-format", "csv"));
        waiting = new ProcessBuilder(command).start();
        waiting.getOutputStream().write("id\n1\n".getBytes(StandardCharsets.UTF_8));
        waiting.getOutputStream().flush();
        free = 0;
      }
      Thread.sleep(300);
      int code =
          WarmClient.run(
              socket,
              List.of("--catalog", catalog, "--quiet", "snapshots"),
              InputStream.nullInputStream());
      refused = code == WarmClient.NOT_RUN;
      free = refused ? free : free + 1;
    }
    assertThat(refused).as("a command while another runs is refused, not run").isTrue();
    assertThat(socket).exists();

    waiting.destroyForcibly();
    Process server = servers.get(0);
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server ends with its client").isTrue();
    assertThat(server.exitValue()).isEqualTo(130);
    assertThat(socket).doesNotExist();
    Run snapshots = finish(new ProcessBuilder(withArgs("--catalog", catalog, "scan", "t")).start());
    assertThat(snapshots.exit()).as(snapshots.err()).isZero();
    assertThat(snapshots.out()).as("the interrupted append committed nothing").isEqualTo("id\n");
  }

  @Test
  void aStaleSocketIsRemovedAndAnIdleServerEnds() throws Exception {
    Path socket = server(600);
    Process server = servers.get(0);
    server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(socket).as("a killed server leaves its socket").exists();
    assertThat(WarmClient.run(socket, List.of("tables"), InputStream.nullInputStream()))
        .isEqualTo(WarmClient.NOT_RUN);
    assertThat(socket).as("the client removes a socket nobody answers").doesNotExist();

    Path idle = server(1);
    Process second = servers.get(1);
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("an idle server ends").isTrue();
    assertThat(second.exitValue()).isZero();
    assertThat(idle).doesNotExist();
  }

  private static List<String> withArgs(String... args) {
    List<String> command = java();
    command.addAll(List.of(args));
    return command;
  }
}
