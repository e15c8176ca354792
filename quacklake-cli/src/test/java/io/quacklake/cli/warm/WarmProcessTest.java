package io.quacklake.cli.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm process with a real server: a virtual machine of its own on a socket in a temporary
 * folder, and a SQLite lake. Clients run in this virtual machine (their output captured), or speak
 * the wire format by hand where a test needs a client that stops half-way.
 */
class WarmProcessTest {
  @TempDir Path temp;

  private final List<Process> servers = new ArrayList<>();
  private String catalog;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void lake() {
    catalog = "sqlite:" + temp.resolve("lake.sqlite");
  }

  @AfterEach
  void stopServers() {
    servers.forEach(Process::destroyForcibly);
  }

  private Path server(long idleSeconds) throws Exception {
    Path socket = temp.resolve("s" + servers.size() + ".sock");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.add("-Dquacklake.warm.serve=" + socket);
    command.add("-Dquacklake.warm.idle=" + idleSeconds);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.quacklake.cli.Main");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("server" + servers.size() + ".log").toFile())
            .start();
    servers.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SocketFile file = new SocketFile(socket);
    while (!file.answers() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(file.answers()).as("the server listens on its socket").isTrue();
    return socket;
  }

  /** Runs a command through the server from this virtual machine, its output captured. */
  private static Run run(Path socket, InputStream stdin, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = WarmClient.run(socket, List.of(args), stdin);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private Run ran(Path socket, InputStream stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--catalog", catalog));
    all.addAll(List.of(args));
    Run r = run(socket, stdin, all.toArray(String[]::new));
    assertThat(WarmClient.ranElsewhere(r.exit())).as("the server ran %s: %s", all, r).isFalse();
    return r;
  }

  private void newTable(Path socket) {
    Run init = ran(socket, InputStream.nullInputStream(), "--data-path", temp + "/data/", "init");
    assertThat(init.exit()).as(init.err()).isZero();
    Run create =
        ran(socket, InputStream.nullInputStream(), "create-table", "t", "--schema", "id BIGINT");
    assertThat(create.exit()).as(create.err()).isZero();
  }

  /** An input that records whether anything read it. */
  private static final class Watched extends ByteArrayInputStream {
    final AtomicBoolean read = new AtomicBoolean();

    Watched(String text) {
      super(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      read.set(true);
      return super.read(b, off, len);
    }
  }

  @Test
  void commandsRunInTheServerWithTheirInputOutputAndExitCodes() throws Exception {
    Path socket = server(600);
    newTable(socket);
    Watched unread = new Watched("id\n9\n");
    Run tables = ran(socket, unread, "tables");
    assertThat(tables.exit()).isZero();
    assertThat(tables.out()).isEqualTo("table,rows\nmain.t,0\n");
    assertThat(unread.read).as("a command that reads no input leaves the client's alone").isFalse();

    Watched rows = new Watched("id\n1\n2\n3\n");
    Run append = ran(socket, rows, "append", "t", "-", "--input-format", "csv");
    assertThat(append.exit()).as(append.err()).isZero();
    assertThat(append.out().strip()).as("the new snapshot's id").matches("\\d+");
    assertThat(rows.available()).as("all of the input was read").isZero();

    Run scan = ran(socket, InputStream.nullInputStream(), "scan", "t", "--where", "id >= 2");
    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).isEqualTo("id\n2\n3\n");

    Run missing = ran(socket, InputStream.nullInputStream(), "describe", "nope");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("table main.nope does not exist");

    Run bad = ran(socket, InputStream.nullInputStream(), "scan", "t", "--limit", "x");
    assertThat(bad.exit()).isEqualTo(1);

    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Is a directory");
          }
        };
    CompletableFuture<Run> failing =
        CompletableFuture.supplyAsync(
            () -> ran(socket, broken, "append", "t", "-", "--input-format", "csv"));
    Run failed = failing.get(60, TimeUnit.SECONDS);
    assertThat(failed.exit()).as("an unreadable input fails the command").isNotZero();
    assertThat(failed.err()).contains("Is a directory");

    assertThat(servers.get(0).isAlive()).isTrue();
    assertThat(Files.readString(temp.resolve("server0.log")))
        .as("the server itself prints nothing")
        .isEmpty();
  }

  @Test
  void aClientThatGoesAwayMidCommandEndsTheServerAndCommitsNothing() throws Exception {
    Path socket = server(600);
    newTable(socket);
    assertThat(
            ran(
                    socket,
                    new ByteArrayInputStream("id\n1\n".getBytes()),
                    "append",
                    "t",
                    "-",
                    "--input-format",
                    "csv")
                .exit())
        .isZero();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Frames.output(channel)));
      DataInputStream in = new DataInputStream(new BufferedInputStream(Frames.input(channel)));
      new Frames.Request(
              false,
              WorkingDirectory.identity(),
              List.of("--catalog", catalog, "append", "t", "-", "--input-format", "csv"))
          .write(out);
      assertThat(in.readByte()).isEqualTo(Frames.ACCEPTED);
      in.readInt();
      out.writeByte(Frames.GO);
      out.flush();
      assertThat(in.readByte()).as("the append asks for its input").isEqualTo(Frames.NEED);
      in.readInt();
      in.readInt();
      byte[] half = "id\n2\n3".getBytes(StandardCharsets.UTF_8);
      out.writeInt(half.length);
      out.write(half);
      out.flush();

      Run second = run(socket, InputStream.nullInputStream(), "--catalog", catalog, "tables");
      assertThat(second.exit()).as("a command while another runs").isEqualTo(WarmClient.BUSY);
      assertThat(second.out()).isEmpty();
    }
    Process server = servers.get(0);
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server ends with its client").isTrue();
    assertThat(server.exitValue()).isEqualTo(130);
    assertThat(socket).doesNotExist();

    Path again = server(600);
    Run scan = ran(again, InputStream.nullInputStream(), "scan", "t");
    assertThat(scan.out()).as("the interrupted append committed nothing").isEqualTo("id\n1\n");
  }

  @Test
  void probesAndOtherDirectoriesAreTurnedAwayWithoutHarm() throws Exception {
    Path socket = server(600);
    for (int i = 0; i < 3; i++) {
      try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        probe.connect(UnixDomainSocketAddress.of(socket));
      }
    }
    Run elsewhere =
        new Run(
            WarmClient.run(socket, List.of("tables"), InputStream.nullInputStream(), "0:1"),
            "",
            "");
    assertThat(elsewhere.exit())
        .as("a client in another working directory runs its command itself")
        .isEqualTo(WarmClient.BUSY);
    newTable(socket);
    assertThat(servers.get(0).isAlive()).isTrue();
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
}
