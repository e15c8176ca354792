package io.quacklake.internal.catalog.versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small commits to a SQLite database in the object store ship their changed pages as deltas chained
 * to an image: the bytes uploaded and downloaded follow the change, not the database's size, and
 * every guarantee of whole images (checksums, restore, collection) holds for chains.
 */
class DeltaChainTest {
  private static final DeltaPolicy FIVE = new DeltaPolicy(5, 1 << 20, 1);

  @TempDir Path temp;
  private final CountingStore store = new CountingStore(0);
  private Location root;

  @BeforeEach
  void createLake() throws Exception {
    root = Location.directory(temp.resolve("lake").toUri().toString());
    Path db = temp.resolve("seed.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)");
      s.execute("CREATE INDEX t_payload ON t (payload)");
      try (var insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 0; i < 20_000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "row " + i + " " + "x".repeat(i % 50));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    }
    assertThat(Files.size(db)).isGreaterThan(4 * VersionedCatalog.BLOCK_SIZE);
    VersionedCatalog.create(store, root, db);
  }

  @Test
  void smallCommitsUploadAndDownloadFewBytes() throws Exception {
    try (VersionedCatalog writer = VersionedCatalog.open(store, root);
        VersionedCatalog reader = VersionedCatalog.open(store, root)) {
      for (int i = 0; i < 10; i++) {
        long written = store.bytesWritten.get();
        commitRow(writer, 100_000 + i);
        assertThat(store.bytesWritten.get() - written).isLessThan(32 * 1024);
        assertThat(writer.manifest().deltas()).hasSize(i + 1);

        long read = store.bytesRead.get();
        assertThat(reader.refresh()).isTrue();
        assertThat(store.bytesRead.get() - read).isLessThan(32 * 1024);
        assertThat(Files.readAllBytes(reader.file())).isEqualTo(Files.readAllBytes(writer.file()));
      }
      assertThat(count(reader.file())).isEqualTo(20_010);
    }
  }

  @Test
  void aFullChainStartsANewImage() throws Exception {
    try (VersionedCatalog writer = VersionedCatalog.open(store, root, FIVE)) {
      for (int i = 0; i < 5; i++) {
        commitRow(writer, 100_000 + i);
      }
      assertThat(writer.manifest().deltas()).hasSize(5);
      commitRow(writer, 100_005);
      CatalogManifest image = writer.manifest();
      assertThat(image.deltas()).isEmpty();
      assertThat(image.imageSize()).isEqualTo(image.fileSize());
      assertThat(new String(image.toBytes(), StandardCharsets.UTF_8))
          .startsWith("format=" + CatalogManifest.FORMAT + "\n");
      commitRow(writer, 100_006);
      assertThat(writer.manifest().deltas()).hasSize(1);
      assertThat(writer.manifest().blocks()).isEqualTo(image.blocks());
    }
    try (VersionedCatalog cold = VersionedCatalog.open(store, root)) {
      assertThat(count(cold.file())).isEqualTo(20_007);
    }
  }

  @Test
  void everyVersionOfAChainAssemblesColdAndRestores() throws Exception {
    try (VersionedCatalog writer = VersionedCatalog.open(store, root, FIVE)) {
      for (int i = 0; i < 8; i++) {
        commitRow(writer, 100_000 + i);
      }
      for (CatalogManifest m : writer.history()) {
        Path copy = temp.resolve("v" + m.version());
        new Blocks(store, new CatalogLayout(root), Files.createTempDirectory(temp, "cold"))
            .assemble(m, copy);
        assertThat(count(copy)).isEqualTo(20_000 + m.version() - 1);
      }
      CatalogManifest restored = writer.restore(4);
      assertThat(restored.deltas()).hasSize(3);
      assertThat(count(writer.file())).isEqualTo(20_003);
      commitRow(writer, 200_000);
      assertThat(count(writer.file())).isEqualTo(20_004);
    }
  }

  @Test
  void collectionKeepsTheNewestChainWhole() throws Exception {
    try (VersionedCatalog writer = VersionedCatalog.open(store, root, FIVE)) {
      for (int i = 0; i < 8; i++) {
        commitRow(writer, 100_000 + i);
      }
      writer.collectGarbage(Duration.ZERO, Duration.ZERO, Instant.now());
      assertThat(writer.history()).hasSize(1);
      assertThat(writer.missingBlocks()).isEmpty();
    }
    try (VersionedCatalog cold = VersionedCatalog.open(store, root)) {
      assertThat(cold.manifest().deltas()).hasSize(2);
      assertThat(count(cold.file())).isEqualTo(20_008);
    }
  }

  @Test
  void aDamagedDeltaIsCorruptByName() throws Exception {
    String delta;
    try (VersionedCatalog writer = VersionedCatalog.open(store, root)) {
      commitRow(writer, 100_000);
      delta = writer.manifest().deltas().get(0).sha256();
    }
    Path stored = temp.resolve("lake/catalog/blocks/" + delta);
    byte[] bytes = Files.readAllBytes(stored);
    bytes[bytes.length - 3] ^= 1;
    Files.write(stored, bytes);

    assertThatThrownBy(() -> VersionedCatalog.open(store, root).close())
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CORRUPT))
        .hasMessageContaining("delta " + delta)
        .hasMessageContaining("does not match its name");
  }

  @Test
  void aManifestFromANewerFormatIsUnsupported() throws Exception {
    Path manifest =
        temp.resolve("lake/catalog/versions/" + String.format("%020d", 1) + ".manifest");
    Files.writeString(
        manifest,
        Files.readString(manifest).replace(CatalogManifest.FORMAT, "quacklake-catalog-manifest/7"));

    assertThatThrownBy(() -> VersionedCatalog.open(store, root).close())
        .isInstanceOfSatisfying(
            QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED))
        .hasMessageContaining("upgrade Quacklake");
  }

  @Test
  void aLocalCopyThatDriftedIsRebuiltAndTheCommitRunsAgain() throws Exception {
    try (VersionedCatalog writer = VersionedCatalog.open(store, root)) {
      commitRow(writer, 100_000);
      byte[] drifted = Files.readAllBytes(writer.file());
      drifted[drifted.length - 1] ^= 1;
      Files.write(writer.file(), drifted);

      Path work = writer.prepareWrite();
      insert(work, 100_001);
      assertThat(writer.publish(work, 100_001)).isEqualTo(VersionedCatalog.Published.LOST_RACE);
      assertThat(Blocks.hex(Blocks.sha256().digest(Files.readAllBytes(writer.file()))))
          .isEqualTo(writer.manifest().sha256());
      commitRow(writer, 100_001);
    }
    try (VersionedCatalog cold = VersionedCatalog.open(store, root)) {
      assertThat(count(cold.file())).isEqualTo(20_002);
    }
  }

  @Test
  void aChangeLargerThanTheChainsRoomIsAnImage() throws Exception {
    try (VersionedCatalog writer =
        VersionedCatalog.open(store, root, new DeltaPolicy(64, 0, Integer.MAX_VALUE))) {
      commitRow(writer, 100_000);
      assertThat(writer.manifest().deltas()).isEmpty();
      assertThat(writer.manifest().version()).isEqualTo(2);
    }
  }

  private static void commitRow(VersionedCatalog catalog, int id) throws SQLException {
    Path work = catalog.prepareWrite();
    insert(work, id);
    assertThat(catalog.publish(work, id)).isEqualTo(VersionedCatalog.Published.PUBLISHED);
  }

  private static void insert(Path database, int id) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO t VALUES (" + id + ", 'new row " + id + "')");
    }
  }

  private static long count(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
