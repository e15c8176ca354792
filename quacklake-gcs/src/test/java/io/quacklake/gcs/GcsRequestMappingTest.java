package io.quacklake.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.ObjectStoreProvider;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.StorageSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the store asks of the JSON API and how it reads the answers, through the real client over
 * HTTP against {@link GcsFakeServer}: preconditions, ranges, upload kinds, object names, errors.
 */
class GcsRequestMappingTest {
  private static GcsFakeServer server;
  private GcsObjectStore store;
  private String root;

  @BeforeAll
  static void start() throws IOException {
    server = new GcsFakeServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void open() {
    server.denyAll(0);
    store = new GcsObjectStore(server.settings());
    root = "lake-" + UUID.randomUUID() + "/";
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Location at(String name) {
    return Location.of("gs://bucket/" + root + name);
  }

  private void write(Location l, byte[] content) throws IOException {
    try (OutputStream out = store.newOutputFile(l)) {
      out.write(content);
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  private List<GcsFakeServer.Request> uploads() {
    return server.requests().stream().filter(r -> r.path().startsWith("/upload/")).toList();
  }

  @Test
  void aConditionalCreateIsOneUploadWithGenerationMatchZero() throws IOException {
    server.clearLog();
    assertThat(store.createIfAbsent(at("manifest"), bytes("one"))).isEqualTo(CreateOutcome.CREATED);
    assertThat(uploads())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.path()).isEqualTo("/upload/storage/v1/b/bucket/o");
              assertThat(r.query())
                  .containsEntry("uploadType", "multipart")
                  .containsEntry("ifGenerationMatch", "0");
            });
  }

  @Test
  void aCreateOverOtherContentIsAlreadyExistsAndLeavesItAlone() throws IOException {
    write(at("manifest"), bytes("theirs"));
    assertThat(store.createIfAbsent(at("manifest"), bytes("ours")))
        .isEqualTo(CreateOutcome.ALREADY_EXISTS);
    assertThat(server.content("bucket", root + "manifest")).isEqualTo(bytes("theirs"));
  }

  @Test
  void anAmbiguousCreateThatLandedIsSettledAsCreatedByReadingBack() throws IOException {
    server.failNextCreateAfterStoring(503);
    server.clearLog();
    assertThat(store.createIfAbsent(at("manifest"), bytes("ours")))
        .isEqualTo(CreateOutcome.CREATED);
    // the client retried its own create, which the server refused as existing (412)
    assertThat(uploads()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(server.requests())
        .anySatisfy(r -> assertThat(r.query()).containsEntry("alt", "media"));
  }

  @Test
  void aSmallFileIsOneUploadWithoutPrecondition() throws IOException {
    server.clearLog();
    write(at("small.bin"), random(1000));
    assertThat(uploads())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.query()).containsEntry("uploadType", "multipart");
              assertThat(r.query()).doesNotContainKey("ifGenerationMatch");
            });
  }

  @Test
  void aLargeFileIsAResumableUploadSentInChunksOfEightMebibytes() throws IOException {
    byte[] content = random(GcsOutputStream.CHUNK_SIZE * 2 + 12345);
    server.clearLog();
    try (OutputStream out = store.newOutputFile(at("big.bin"))) {
      for (int off = 0; off < content.length; off += 100_000) {
        out.write(content, off, Math.min(100_000, content.length - off));
      }
    }
    List<GcsFakeServer.Request> uploads = uploads();
    assertThat(uploads.get(0).query()).containsEntry("uploadType", "resumable");
    assertThat(uploads.subList(1, uploads.size()))
        .extracting(GcsFakeServer.Request::contentRange)
        .containsExactly(
            "bytes 0-8388607/*", "bytes 8388608-16777215/*", "bytes 16777216-16789560/16789561");
    assertThat(server.content("bucket", root + "big.bin")).isEqualTo(content);
  }

  @Test
  void readsAskForTheWindowAtThePositionAndTheTailOnce() throws IOException {
    int length = 3 << 20;
    byte[] content = random(length);
    write(at("data.parquet"), content);
    server.clearLog();
    try (SeekableStream in = store.newInputFile(at("data.parquet"), length).newStream()) {
      in.seek(length - 8);
      assertThat(in.readNBytes(8)).isEqualTo(Arrays.copyOfRange(content, length - 8, length));
      in.seek(length - 100_000);
      assertThat(in.readNBytes(10))
          .isEqualTo(Arrays.copyOfRange(content, length - 100_000, length - 99_990));
      in.seek(1000);
      assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOfRange(content, 1000, 1010));
    }
    int tailStart = length - GcsInputStream.TAIL;
    // the window from 1000 reaches the end of this small object
    assertThat(server.requests())
        .extracting(GcsFakeServer.Request::range)
        .containsExactly("bytes=" + tailStart + "-" + (length - 1), "bytes=1000-" + (length - 1));
  }

  @Test
  void objectNamesWithReservedCharactersRoundTrip() throws IOException {
    String name = "a b/ü#?+%&=;é.bin";
    write(at(name), bytes("x"));
    assertThat(server.content("bucket", root + name)).isEqualTo(bytes("x"));
    assertThat(store.exists(at(name))).isTrue();
    assertThat(store.list(Location.directory("gs://bucket/" + root)))
        .singleElement()
        .satisfies(e -> assertThat(e.location()).isEqualTo(at(name)));
    try (SeekableStream in = store.newInputFile(at(name), -1).newStream()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes("x"));
    }
    store.delete(at(name));
    assertThat(store.exists(at(name))).isFalse();
  }

  @Test
  void listingsKeepTheGcsSchemeAndLeaveOutFolderPlaceholders() throws IOException {
    write(at("p/"), new byte[0]);
    write(at("p/x.bin"), bytes("x"));
    assertThat(store.list(Location.directory("gcs://bucket/" + root + "p")))
        .extracting(e -> e.location().value())
        .containsExactly("gcs://bucket/" + root + "p/x.bin");
  }

  @Test
  void missingObjectsAreNoSuchFileAndMissingBucketsAnInvalidLocation() {
    assertThatThrownBy(() -> store.newInputFile(at("none"), -1).length())
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.newInputFile(at("none"), 10).newStream().read())
        .isInstanceOf(NoSuchFileException.class);
    Location elsewhere = Location.directory("gs://" + GcsFakeServer.MISSING_BUCKET + "/lake");
    assertThatThrownBy(() -> store.list(elsewhere))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("the bucket does not exist at " + server.endpoint());
  }

  @Test
  void refusedCredentialsAreOneLineNamingWhatToCheck() {
    server.denyAll(401);
    assertThatThrownBy(() -> store.exists(at("x")))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("credentials were refused");
    server.denyAll(403);
    assertThatThrownBy(() -> write(at("x"), bytes("x")))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("access denied (403");
  }

  @Test
  void theProviderServesGsAndGcsFromStorageSettings() throws IOException {
    ObjectStoreProvider provider =
        ServiceLoader.load(ObjectStoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.supports("gs"))
            .findFirst()
            .orElseThrow();
    assertThat(provider.supports("gcs")).isTrue();
    assertThat(provider.supports("s3")).isFalse();
    StorageSettings settings =
        StorageSettings.NONE
            .with("gcs.endpoint", server.endpoint().toString())
            .with("gcs.anonymous", "true")
            .with("gcs.project", "quacklake-test");
    try (ObjectStore s = provider.open(settings)) {
      assertThat(s).isInstanceOf(GcsObjectStore.class);
      assertThat(s.exists(at("nothing"))).isFalse();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
