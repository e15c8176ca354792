package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import org.junit.jupiter.api.Test;

class LakeOptionsTest {
  @Test
  void eachWithMethodChangesOneSettingAndKeepsTheOthers() {
    LakeOptions o =
        LakeOptions.dataPath("/lake/data")
            .withReadThreads(3)
            .withBatchSize(100)
            .withMaxRetries(7)
            .withRetryWaitMillis(5)
            .withMetadataSchema("meta")
            .withStorageSetting("s3.region", "eu-west-1")
            .withDriverClassKeys(true)
            .withInlineByteLimit(0);
    assertThat(o.dataPath()).isEqualTo("/lake/data");
    assertThat(o.readThreads()).isEqualTo(3);
    assertThat(o.batchSize()).isEqualTo(100);
    assertThat(o.maxRetries()).isEqualTo(7);
    assertThat(o.retryWaitMillis()).isEqualTo(5);
    assertThat(o.metadataSchema()).isEqualTo("meta");
    assertThat(o.storage().get("s3.region")).isEqualTo("eu-west-1");
    assertThat(o.driverClassKeys()).isTrue();
    assertThat(o.inlineByteLimit()).isZero();
    assertThat(o.withBatchSize(200).readThreads()).isEqualTo(3);
  }

  @Test
  void defaultsAreUsable() {
    LakeOptions d = LakeOptions.defaults();
    assertThat(d.dataPath()).isNull();
    assertThat(d.readThreads()).isPositive();
    assertThat(d.batchSize()).isEqualTo(8192);
    assertThat(d.maxRetries()).isEqualTo(10);
    assertThat(d.storage()).isNotNull();
    assertThat(d.driverClassKeys()).isFalse();
    assertThat(d.inlineByteLimit()).isEqualTo(LakeOptions.DEFAULT_INLINE_BYTE_LIMIT);
  }

  @Test
  void blankDataPathMeansTheStoredOne() {
    assertThat(LakeOptions.dataPath("").dataPath()).isNull();
    assertThat(LakeOptions.dataPath("/d").withDataPath("  ").dataPath()).isNull();
    assertThat(LakeOptions.dataPath("").withDataPath(null)).isEqualTo(LakeOptions.defaults());
  }

  @Test
  void equalSettingsAreEqualValues() {
    LakeOptions a = LakeOptions.defaults().withReadThreads(2).withStorageSetting("s3.region", "x");
    LakeOptions b = LakeOptions.defaults().withStorageSetting("s3.region", "x").withReadThreads(2);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(b.withReadThreads(3));
    assertThat(a).isNotEqualTo(b.withDataPath("/elsewhere"));
  }

  @Test
  void toStringHidesStorageSecrets() {
    LakeOptions o =
        LakeOptions.defaults()
            .withStorageSetting("s3.secret-access-key", "hunter2")
            .withStorageSetting("s3.session-token", "tok-123")
            .withStorageSetting("azure.account-name", "lakes")
            .withStorageSetting("azure.account-key", "a2V5LTQ1Ng==")
            .withStorageSetting("azure.sas-token", "sv=2024&sig=c2FzLTc4OQ")
            .withStorageSetting("azure.connection-string", "AccountName=lakes;AccountKey=Y3MtMTAx")
            .withMaxRetries(4);
    assertThat(o.toString())
        .contains("maxRetries=4")
        .contains("azure.account-name=lakes")
        .doesNotContain("hunter2")
        .doesNotContain("tok-123")
        .doesNotContain("a2V5LTQ1Ng==")
        .doesNotContain("c2FzLTc4OQ")
        .doesNotContain("Y3MtMTAx");
  }

  @Test
  void invalidSettingsAreInvalidArguments() {
    assertThatThrownBy(() -> LakeOptions.defaults().withReadThreads(0))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("readThreads")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> LakeOptions.defaults().withBatchSize(0))
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> LakeOptions.defaults().withMaxRetries(-1))
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> LakeOptions.defaults().withInlineByteLimit(-1))
        .hasMessageContaining("inlineByteLimit");
  }
}
