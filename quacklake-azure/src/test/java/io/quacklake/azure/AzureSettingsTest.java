package io.quacklake.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where each value comes from: {@code azure.*} settings, then connection strings (the setting's,
 * then {@code AZURE_STORAGE_CONNECTION_STRING}), then the Azure CLI's environment variables;
 * secrets never printed.
 */
class AzureSettingsTest {
  private static final String KEY = "c2VjcmV0LWtleQ==";

  @Test
  void environmentVariablesAsTheAzureCliTakesThem() {
    AzureSettings s =
        AzureSettings.from(
            StorageSettings.NONE,
            Map.of(
                "AZURE_STORAGE_ACCOUNT", "lakes",
                "AZURE_STORAGE_KEY", KEY,
                "AZURE_STORAGE_SAS_TOKEN", "?sv=2024&sig=abc"));
    assertThat(s.endpoint()).isNull();
    assertThat(s.accountName()).isEqualTo("lakes");
    assertThat(s.accountKey()).isEqualTo(KEY);
    assertThat(s.sasToken()).isEqualTo("sv=2024&sig=abc");
  }

  @Test
  void aConnectionStringGivesAccountKeyAndEndpoint() {
    AzureSettings s =
        AzureSettings.from(
            StorageSettings.NONE,
            Map.of(
                "AZURE_STORAGE_CONNECTION_STRING",
                "DefaultEndpointsProtocol=https;AccountName=lakes;AccountKey="
                    + KEY
                    + ";EndpointSuffix=core.windows.net"));
    assertThat(s.endpoint()).hasToString("https://lakes.blob.core.windows.net");
    assertThat(s.accountName()).isEqualTo("lakes");
    assertThat(s.accountKey()).isEqualTo(KEY);
  }

  @Test
  void settingsWinOverConnectionStringsWhichWinOverSingleVariables() {
    StorageSettings settings =
        StorageSettings.NONE
            .with("azure.account-name", "fromsetting")
            .with(
                "azure.connection-string",
                "BlobEndpoint=http://127.0.0.1:10000/x;SharedAccessSignature=sv=1&sig=2");
    AzureSettings s =
        AzureSettings.from(
            settings,
            Map.of(
                "AZURE_STORAGE_CONNECTION_STRING", "AccountName=fromenv;AccountKey=" + KEY,
                "AZURE_STORAGE_ACCOUNT", "fromvariable",
                "AZURE_STORAGE_SERVICE_ENDPOINT", "http://other:1"));
    assertThat(s.accountName()).isEqualTo("fromsetting");
    assertThat(s.endpoint()).hasToString("http://127.0.0.1:10000/x");
    assertThat(s.sasToken()).isEqualTo("sv=1&sig=2");
    assertThat(s.accountKey()).isEqualTo(KEY);
  }

  @Test
  void developmentStorageIsTheEmulatorsAccount() {
    AzureSettings s =
        AzureSettings.from(
            StorageSettings.NONE.with("azure.connection-string", "UseDevelopmentStorage=true"),
            Map.of());
    assertThat(s.endpoint()).hasToString("http://127.0.0.1:10000/devstoreaccount1");
    assertThat(s.accountName()).isEqualTo("devstoreaccount1");
    assertThat(s.accountKey()).isEqualTo(ConnectionString.DEV_KEY);
  }

  @Test
  void secretsAreNeverPrinted() {
    AzureSettings s = new AzureSettings(null, "lakes", KEY, "sv=1&sig=c2lnbmF0dXJl");
    assertThat(s.toString()).contains("lakes").doesNotContain(KEY).doesNotContain("c2lnbmF0dXJl");
    assertThat(ConnectionString.parse("AccountName=a;AccountKey=" + KEY).toString())
        .doesNotContain(KEY);
  }

  @Test
  void badConnectionStringsAndEndpointsAreOneClearLineWithoutTheSecret() {
    assertThatThrownBy(
            () ->
                AzureSettings.from(
                    StorageSettings.NONE.with("azure.connection-string", "AccountName=a;" + KEY),
                    Map.of()))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("not Name=value")
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(
            () ->
                AzureSettings.from(
                    StorageSettings.NONE.with("azure.endpoint", "not a url"), Map.of()))
        .hasMessageContaining("is not a URL");
  }
}
