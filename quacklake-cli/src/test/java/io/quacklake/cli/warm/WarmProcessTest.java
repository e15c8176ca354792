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
import java.nio.file.attribute.BasicFileAttributes;
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
    return server(idleSeconds, Path.of("").toAbsolutePath());
  }

  private Path server(long idleSeconds, Path directory) throws Exception {
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
            .directory(directory.toFile())
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
    return runIn(WorkingDirectory.identity(), socket, stdin, args);
  }

  private static Run runIn(String directory, Path socket, InputStream stdin, String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        WarmClient.run(
            socket,
            List.of(args),
            stdin,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            directory);
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
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

  /** An input that records whether anything read it (every read of an InputStream ends here). */
  private static final class Watched extends InputStream {
    final AtomicBoolean read = new AtomicBoolean();
    private final ByteArrayInputStream bytes;

    Watched(String text) {
      bytes = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() {
      read.set(true);
      return bytes.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      read.set(true);
      return bytes.read(b, off, len);
    }

    @Override
    public int available() {
      return bytes.available();
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
    newTable(socket);
    assertThat(servers.get(0).isAlive()).isTrue();
  }

  @Test
  void aDirectoryMadeAgainUnderTheSameNameIsAnotherOne() throws Exception {
    Path directory = Files.createDirectories(temp.resolve("work"));
    Path socket = server(600, directory);
    Run same = runIn(identity(directory), socket, InputStream.nullInputStream(), "--version");
    assertThat(same.exit()).as("a client in the server's directory: %s", same).isZero();
    assertThat(same.out()).startsWith("quacklake ");

    Files.delete(directory);
    Files.createDirectories(directory);
    Run again = runIn(identity(directory), socket, InputStream.nullInputStream(), "--version");
    assertThat(again.exit())
        .as("a client in the new directory of the same name runs its command itself")
        .isEqualTo(WarmClient.BUSY);
    assertThat(servers.get(0).isAlive()).isTrue();
  }

  private static String identity(Path directory) throws IOException {
    return Files.readAttributes(directory, BasicFileAttributes.class).fileKey().toString();
  }

  @Test
  void neverTwoCommandsAtOnce() throws Exception {
    Path socket = server(600);
    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger holders =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger overlaps =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger accepted =
        new java.util.concurrent.atomic.AtomicInteger();
    // quick commands finish over and over, while two clients keep asking and hold what they get
    // (accepted, no go yet) for a moment: the server must never accept both
    CompletableFuture<Void> quick =
        CompletableFuture.runAsync(
            () -> {
              while (!stop.get()) {
                run(socket, InputStream.nullInputStream(), "--version");
              }
            });
    List<CompletableFuture<Void>> askers = new ArrayList<>();
    for (int a = 0; a < 2; a++) {
      askers.add(
          CompletableFuture.runAsync(
              () -> {
                while (!stop.get()) {
                  try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    DataOutputStream out =
                        new DataOutputStream(new BufferedOutputStream(Frames.output(channel)));
                    DataInputStream in =
                        new DataInputStream(new BufferedInputStream(Frames.input(channel)));
                    new Frames.Request(false, WorkingDirectory.identity(), List.of("--version"))
                        .write(out);
                    if (in.readByte() == Frames.ACCEPTED) {
                      accepted.incrementAndGet();
                      if (holders.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                      }
                      Thread.sleep(1);
                      holders.decrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                }
              }));
    }
    Thread.sleep(3000);
    stop.set(true);
    quick.get(60, TimeUnit.SECONDS);
    for (CompletableFuture<Void> a : askers) {
      a.get(60, TimeUnit.SECONDS);
    }
    System.out.printf("warm: %d requests held while accepted%n", accepted.get());
    assertThat(accepted.get()).as("the askers got the server at times").isPositive();
    assertThat(overlaps.get()).as("times two clients were accepted at once").isZero();
    assertThat(servers.get(0).isAlive()).isTrue();
  }

  @Test
  void commandsFromManyClientsAtOnceEachGetTheirOwnOutput() throws Exception {
    Path socket = server(600);
    newTable(socket);
    StringBuilder csv = new StringBuilder("id\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i).append('\n');
    }
    assertThat(
            ran(socket, new Watched(csv.toString()), "append", "t", "-", "--input-format", "csv")
                .exit())
        .isZero();
    int threads = 4;
    int each = 10;
    List<CompletableFuture<int[]>> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t * each;
      clients.add(
          CompletableFuture.supplyAsync(
              () -> {
                int remote = 0;
                int elsewhere = 0;
                for (int i = first; i < first + each; i++) {
                  Run r =
                      run(
                          socket,
                          InputStream.nullInputStream(),
                          "--catalog",
                          catalog,
                          "scan",
                          "t",
                          "--where",
                          "id = " + i);
                  if (WarmClient.ranElsewhere(r.exit())) {
                    elsewhere++;
                    continue;
                  }
                  assertThat(r.exit()).as(r.err()).isZero();
                  assertThat(r.out()).as("client of id %d", i).isEqualTo("id\n" + i + "\n");
                  remote++;
                }
                return new int[] {remote, elsewhere};
              }));
    }
    int remote = 0;
    int busy = 0;
    for (CompletableFuture<int[]> c : clients) {
      int[] counts = c.get(120, TimeUnit.SECONDS);
      remote += counts[0];
      busy += counts[1];
    }
    System.out.printf(
        "warm: %d commands ran in the server, %d were turned away busy%n", remote, busy);
    assertThat(remote).isPositive();
    assertThat(remote + busy).isEqualTo(threads * each);
    assertThat(servers.get(0).isAlive()).isTrue();
    Run after = ran(socket, InputStream.nullInputStream(), "scan", "t", "--where", "id = 7");
    assertThat(after.out()).as("the server's own streams are restored").isEqualTo("id\n7\n");
    assertThat(Files.readString(temp.resolve("server0.log"))).isEmpty();
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
