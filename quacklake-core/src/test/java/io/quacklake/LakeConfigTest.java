package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeConfigTest {
  @TempDir Path temp;

  private Path file(String... lines) throws Exception {
    Path f = temp.resolve("lake.properties");
    Files.write(f, java.util.List.of(lines));
    return f;
  }

  @Test
  void readsEveryKeyAndHidesPasswords() throws Exception {
    LakeConfig c =
        LakeConfig.load(
            file(
                "catalog = postgres:dbname=lake host=db user=app password=s3cret",
                "data-path = s3://bucket/lake/",
                "metadata-schema = meta",
                "read-threads = 3",
                "batch-size = 1000",
                "max-retries = 20",
                "retry-wait-millis = 50",
                "allow-driver-classes = true"));
    assertThat(c.catalog()).isEqualTo("postgres:dbname=lake host=db user=app password=s3cret");
    assertThat(c.options().dataPath()).isEqualTo("s3://bucket/lake/");
    assertThat(c.options().metadataSchema()).isEqualTo("meta");
    assertThat(c.options().readThreads()).isEqualTo(3);
    assertThat(c.options().batchSize()).isEqualTo(1000);
    assertThat(c.options().maxRetries()).isEqualTo(20);
    assertThat(c.options().retryWaitMillis()).isEqualTo(50);
    assertThat(c.options().driverClassKeys()).isTrue();
    assertThat(c.toString()).doesNotContain("s3cret").contains("password=***");
  }

  @Test
  void objectStoreSettingsReachTheStoresAndSecretsStayHidden() throws Exception {
    LakeConfig c =
        LakeConfig.load(
            file(
                "catalog = az://lakes/events",
                "s3.region = eu-west-1",
                "azure.account-name = lakes",
                "azure.account-key = a2V5LTQ1Ng==",
                "azure.endpoint = http://127.0.0.1:10000/lakes"));
    assertThat(c.options().storage().get("azure.account-name")).isEqualTo("lakes");
    assertThat(c.options().storage().get("azure.account-key")).isEqualTo("a2V5LTQ1Ng==");
    assertThat(c.options().storage().get("s3.region")).isEqualTo("eu-west-1");
    assertThat(c.toString()).contains("az://lakes/events/").doesNotContain("a2V5LTQ1Ng==");
  }

  @Test
  void badFilesGetOneClearError() throws Exception {
    assertThatThrownBy(() -> LakeConfig.load(temp.resolve("missing.properties")))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    assertThatThrownBy(() -> LakeConfig.load(file("catalog=sqlite:x.db", "catalg=typo")))
        .hasMessageContaining("unknown keys [catalg]")
        .hasMessageContaining("data-path");
    assertThatThrownBy(() -> LakeConfig.load(file("data-path=x/")))
        .hasMessageContaining("no 'catalog' key");
    assertThatThrownBy(() -> LakeConfig.load(file("catalog=sqlite:x.db", "max-retries=many")))
        .hasMessageContaining("max-retries must be a whole number, got 'many'");
    assertThatThrownBy(
            () -> LakeConfig.load(file("catalog=sqlite:x.db", "allow-driver-classes=yes")))
        .hasMessageContaining("allow-driver-classes must be true or false, got 'yes'");
    assertThat(LakeConfig.load(file("catalog=sqlite:x.db")).options().driverClassKeys()).isFalse();
    assertThatThrownBy(() -> LakeConfig.load(file("catalog=oracle:x")))
        .isInstanceOf(QuacklakeException.class);
  }

  @Test
  void objectStoreSettingsPassThroughByPrefix() throws Exception {
    LakeConfig c =
        LakeConfig.load(
            file(
                "catalog = gs://bucket/lake",
                "s3.region = eu-west-1",
                "gcs.key-file = /keys/lake.json",
                "gcs.project = analytics"));
    assertThat(c.options().storage().get("s3.region")).isEqualTo("eu-west-1");
    assertThat(c.options().storage().get("gcs.key-file")).isEqualTo("/keys/lake.json");
    assertThat(c.options().storage().get("gcs.project")).isEqualTo("analytics");
  }
}
