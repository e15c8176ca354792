package io.quacklake.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcsSettingsTest {
  @Test
  void nothingSetMeansGoogleCloudStorageWithApplicationDefaultCredentials() {
    GcsSettings s = GcsSettings.from(StorageSettings.NONE, Map.of());
    assertThat(s).isEqualTo(new GcsSettings(null, null, null, false));
    assertThat(s.endpointName()).isEqualTo("Google Cloud Storage");
  }

  @Test
  void settingsWinOverEnvironmentVariables() {
    StorageSettings settings =
        StorageSettings.NONE
            .with("gcs.endpoint", "https://gcs.example.test:8443")
            .with("gcs.project", "from-settings")
            .with("gcs.key-file", "/keys/lake.json")
            .with("gcs.anonymous", "false");
    Map<String, String> env =
        Map.of(
            "STORAGE_EMULATOR_HOST", "127.0.0.1:9023",
            "GOOGLE_CLOUD_PROJECT", "from-env",
            "QUACKLAKE_GCS_ANONYMOUS", "true");
    assertThat(GcsSettings.from(settings, env))
        .isEqualTo(
            new GcsSettings(
                URI.create("https://gcs.example.test:8443"),
                "from-settings",
                Path.of("/keys/lake.json"),
                false));
  }

  @Test
  void anEmulatorHostFromTheEnvironmentMeansPlainHttpWithoutCredentials() {
    GcsSettings s =
        GcsSettings.from(
            StorageSettings.NONE,
            Map.of("STORAGE_EMULATOR_HOST", "localhost:4443", "GCLOUD_PROJECT", "p"));
    assertThat(s.endpoint()).isEqualTo(URI.create("http://localhost:4443"));
    assertThat(s.anonymous()).isTrue();
    assertThat(s.project()).isEqualTo("p");
  }

  @Test
  void aConfiguredEndpointStillSendsCredentialsUnlessToldNotTo() {
    StorageSettings settings = StorageSettings.NONE.with("gcs.endpoint", "http://127.0.0.1:4443");
    assertThat(GcsSettings.from(settings, Map.of()).anonymous()).isFalse();
    assertThat(GcsSettings.from(settings.with("gcs.anonymous", "true"), Map.of()).anonymous())
        .isTrue();
  }

  @Test
  void theKeyFileComesFromTheSettingOnlyAndTheEnvironmentGoesThroughDefaultCredentials() {
    assertThat(
            GcsSettings.from(
                    StorageSettings.NONE, Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/k.json"))
                .keyFile())
        .isNull();
  }

  @Test
  void aBadEndpointIsOneClearLine() {
    assertThatThrownBy(
            () -> GcsSettings.from(StorageSettings.NONE.with("gcs.endpoint", "http://"), Map.of()))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("is not a URL");
  }
}
