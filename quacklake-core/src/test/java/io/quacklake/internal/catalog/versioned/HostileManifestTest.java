package io.quacklake.internal.catalog.versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A manifest written by someone else must not make a reader read, create or delete anything but
 * Quacklake's own names, nor read more than one block's bytes: every such manifest is CORRUPT,
 * naming the field, and the lake reads again once it is removed.
 */
class HostileManifestTest {
  @TempDir Path temp;
  private final CountingStore store = new CountingStore(0);
  private Location root;
  private Path victim;
  private Path tmpVictim;
  private String original;

  @BeforeEach
  void createLake() throws IOException {
    root = Location.directory(temp.resolve("lake").toUri().toString());
    byte[] database = new byte[VersionedCatalog.BLOCK_SIZE + VersionedCatalog.BLOCK_SIZE / 2];
    new Random(12).nextBytes(database);
    Path file = temp.resolve("database");
    Files.write(file, database);
    VersionedCatalog.create(store, root, file);
    Files.delete(file);
    original = Files.readString(manifestFile(1));
    victim = temp.resolve("victim.txt");
    Files.writeString(victim, "keep me");
    // the reader's block cache is a temporary directory: "../../name" from its blocks/ is here
    tmpVictim =
        Path.of(System.getProperty("java.io.tmpdir"), "quacklake-victim-" + UUID.randomUUID());
    Files.writeString(tmpVictim, "keep me too");
  }

  @AfterEach
  void removeVictim() throws IOException {
    Files.deleteIfExists(tmpVictim);
  }

  static Stream<Arguments> hostileManifests() {
    return Stream.of(
        Arguments.of(
            "a block named ../../ out of the cache",
            (Edit) (m, t) -> replaceBlock(m, 0, "../../" + t.tmpVictim.getFileName()),
            "blocks entry 1 '../../quacklake-victim-"),
        Arguments.of(
            "a block named by an absolute path",
            (Edit) (m, t) -> replaceBlock(m, 1, t.victim.toAbsolutePath().toString()),
            "blocks entry 2 '/"),
        Arguments.of(
            "an upper-case hash",
            (Edit) (m, t) -> replaceBlock(m, 0, block(m, 0).toUpperCase()),
            "is not a SHA-256 (64 lowercase hex digits)"),
        Arguments.of(
            "too many blocks",
            (Edit) (m, t) -> m.replace(block(m, 1), block(m, 1) + ("," + block(m, 1)).repeat(1000)),
            "it lists 1002 blocks, but file-size 393216 in blocks of 262144 bytes needs 2"),
        Arguments.of(
            "a huge block size",
            (Edit) (m, t) -> m.replace("block-size=262144", "block-size=2147483647"),
            "block-size '2147483647' is not a number from 4096 to 67108864"),
        Arguments.of(
            "a negative file size",
            (Edit) (m, t) -> m.replaceAll("file-size=\\d+", "file-size=-5"),
            "file-size '-5' is not a number from 0 to"),
        Arguments.of(
            "a whole-file hash that is a path",
            (Edit) (m, t) -> m.replaceAll("\nsha256=[0-9a-f]+", "\nsha256=../x"),
            "sha256 '../x' is not 64 lowercase hex digits"),
        Arguments.of(
            "a writer id with a path in it",
            (Edit) (m, t) -> m.replaceAll("writer=[^\n]+", "writer=../../etc"),
            "writer '../../etc' is not a writer id"),
        Arguments.of(
            "a version other than its name's",
            (Edit) (m, t) -> m.replace("version=2", "version=7"),
            "says it is version 7"),
        Arguments.of(
            "no version", (Edit) (m, t) -> m.replace("version=2\n", ""), "it has no 'version'"),
        Arguments.of(
            "a delta named by a path",
            (Edit) (m, t) -> chained(m, "../../" + t.tmpVictim.getFileName() + ":10:393216"),
            "deltas entry 1 '../../quacklake-victim-"),
        Arguments.of(
            "a delta that makes a file of a terabyte",
            (Edit) (m, t) -> chained(m, block(m, 0) + ":10:1099511627776"),
            "is not a SHA-256, a size from 1 to 67108864 and a file size up to 68719476736"),
        Arguments.of(
            "a last delta of another size than the file's",
            (Edit) (m, t) -> chained(m, block(m, 0) + ":10:5"),
            "its last delta makes a file of a size other than file-size 393216"),
        Arguments.of(
            "chained without deltas",
            (Edit) (m, t) -> chained(m, "").replace("deltas=\n", ""),
            "it has no 'deltas'"));
  }

  /** The manifest as format 2, its image followed by {@code deltas}. */
  private static String chained(String manifest, String deltas) {
    return manifest.replace(CatalogManifest.FORMAT, CatalogManifest.FORMAT_WITH_DELTAS)
        + "image-size=393216\ndeltas="
        + deltas
        + "\n";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileManifests")
  void aHostileManifestIsCorruptAndTouchesNothing(String name, Edit edit, String expected)
      throws IOException {
    String hostile = edit.apply(original.replace("version=1", "version=2"), this);
    Files.writeString(manifestFile(2), hostile);
    Map<String, String> before = tree(temp);

    assertThatThrownBy(() -> VersionedCatalog.open(store, root).close())
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("catalog manifest " + root.value() + "catalog/versions/")
        .hasMessageContaining(expected)
        .hasMessageEndingWith(
            "it was not written by Quacklake: restore it from a backup or remove it")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT));

    assertThat(tree(temp)).isEqualTo(before);
    assertThat(Files.readString(victim)).isEqualTo("keep me");
    assertThat(Files.readString(tmpVictim)).isEqualTo("keep me too");
    assertLakeReadsAgainWithoutVersion2();
  }

  @Test
  void aBlockObjectLargerThanItsBlockIsNotReadWhole() throws IOException {
    byte[] content = "a short catalog".getBytes(StandardCharsets.UTF_8);
    String hash = Blocks.hex(Blocks.sha256().digest(content));
    byte[] oversized = Arrays.copyOf(content, 8 * 1024 * 1024);
    Files.write(temp.resolve("lake/catalog/blocks").resolve(hash), oversized);
    String manifest =
        original
            .replace("version=1", "version=2")
            .replaceAll("file-size=\\d+", "file-size=" + content.length)
            .replaceAll("\nsha256=[0-9a-f]+", "\nsha256=" + hash)
            .replaceAll("blocks=[^\n]+", "blocks=" + hash);
    Files.writeString(manifestFile(2), manifest);
    Map<String, String> before = tree(temp);
    store.bytesRead.set(0);

    assertThatThrownBy(() -> VersionedCatalog.open(store, root).close())
        .isInstanceOf(QuacklakeException.class)
        .hasMessage(
            "block %s of catalog version 2 at %s holds more than %d bytes where the manifest"
                + " expects %d; restore the block from a backup or restore an earlier version",
            hash, root, content.length, content.length)
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT));

    assertThat(store.bytesRead.get()).isLessThan(4096);
    assertThat(tree(temp)).isEqualTo(before);
    assertLakeReadsAgainWithoutVersion2();
  }

  @Test
  void aBlockNameThatIsNotAHashNeverBecomesAStoreOrCachePath() {
    CatalogLayout layout = new CatalogLayout(root);
    assertThatThrownBy(() -> layout.block("../../x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(layout.blockOf(root.resolve("catalog/blocks/sub/" + "a".repeat(64)))).isNull();
    assertThat(layout.versionOf(root.resolve("catalog/versions/x/00000000000000000001.manifest")))
        .isEqualTo(-1);
    assertThat(layout.versionOf(root.resolve("catalog/versions/99999999999999999999.manifest")))
        .isEqualTo(-1);
  }

  private void assertLakeReadsAgainWithoutVersion2() throws IOException {
    Files.delete(manifestFile(2));
    try (VersionedCatalog c = VersionedCatalog.open(store, root)) {
      assertThat(c.manifest().version()).isEqualTo(1);
      assertThat(Files.size(c.file())).isEqualTo(VersionedCatalog.BLOCK_SIZE * 3L / 2);
    }
  }

  private Path manifestFile(long version) {
    return temp.resolve("lake/catalog/versions").resolve(String.format("%020d.manifest", version));
  }

  private static String block(String manifest, int index) {
    String list = manifest.lines().filter(l -> l.startsWith("blocks=")).findFirst().orElseThrow();
    return list.substring("blocks=".length()).split(",")[index];
  }

  private static String replaceBlock(String manifest, int index, String name) {
    return manifest.replace(block(manifest, index), name);
  }

  /** Every file under {@code dir} with a digest of its content. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.toList()) {
        out.put(
            dir.relativize(p).toString(),
            Files.isDirectory(p)
                ? "dir"
                : Blocks.hex(Blocks.sha256().digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  @FunctionalInterface
  interface Edit {
    String apply(String manifest, HostileManifestTest test);
  }
}
