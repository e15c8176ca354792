package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and writing must work with no Hadoop class on the class path (hadoop-common is
 * compile-only).
 */
class NoHadoopTest {
  @TempDir Path dir;

  @Test
  void readsEveryCodecWithoutHadoopOnTheClassPath() throws Exception {
    List<String> files = new ArrayList<>();
    try (DuckDb db = new DuckDb()) {
      for (String codec : List.of("snappy", "zstd", "gzip", "uncompressed", "lz4")) {
        Path f = dir.resolve(codec + ".parquet");
        db.copy(
            "SELECT i::BIGINT id, 'v' || i s, [i::INTEGER] l FROM range(3000) t(i)",
            List.of(
                col(1, "id", "int64"),
                col(2, "s", "varchar"),
                col(3, "l", "list", col(4, "element", "int32"))),
            f,
            "COMPRESSION " + codec + ", ROW_GROUP_SIZE 2048");
        files.add(f.toString());
      }
      Path deletes = dir.resolve("d-delete.parquet");
      db.copy(
          "SELECT 'x' file_path, i::BIGINT pos, i::BIGINT _ducklake_internal_snapshot_id FROM"
              + " range(10) t(i)",
          List.of(),
          deletes,
          "");
      files.add(deletes.toString());
    }
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    URL[] urls =
        Arrays.stream(classPath.split(File.pathSeparator))
            .filter(p -> !p.contains("/org/apache/hadoop/"))
            .map(NoHadoopTest::url)
            .toArray(URL[]::new);
    try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("org.apache.hadoop.conf.Configuration"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> probe = isolated.loadClass(NoHadoopProbe.class.getName());
      assertThat(probe.getClassLoader()).isSameAs(isolated);
      Object rows =
          probe
              .getMethod("run", List.class, String.class)
              .invoke(null, files.subList(0, 5), files.get(5));
      assertThat(rows).isEqualTo(5L * 3000 * 2 + 6);
      Object written = probe.getMethod("writeAndRead", String.class).invoke(null, dir.toString());
      assertThat(written).isEqualTo(ParquetCompression.values().length * 100L + 3);
    }
  }

  private static URL url(String path) {
    try {
      return new File(path).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
