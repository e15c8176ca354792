package io.quacklake.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The location forms DuckDB takes, as container, blob name and the account's blob host. */
class AzureLocationTest {
  @ParameterizedTest
  @CsvSource({
    "az://lake/data/a.parquet, az://lake/, , lake, data/a.parquet",
    "azure://lake/data/, azure://lake/, , lake, data/",
    "az://lake, az://lake/, , lake, ''",
    "az://acct.blob.core.windows.net/lake/d/a, az://acct.blob.core.windows.net/lake/,"
        + " acct.blob.core.windows.net, lake, d/a",
    "abfss://lake@acct.dfs.core.windows.net/d/a.parquet, abfss://lake@acct.dfs.core.windows.net/,"
        + " acct.blob.core.windows.net, lake, d/a.parquet",
    "abfss://acct.dfs.core.windows.net/lake/d/, abfss://acct.dfs.core.windows.net/lake/,"
        + " acct.blob.core.windows.net, lake, d/",
    "abfss://lake@Acct.dfs.core.chinacloudapi.cn/x, abfss://lake@Acct.dfs.core.chinacloudapi.cn/,"
        + " acct.blob.core.chinacloudapi.cn, lake, x"
  })
  void locationsSplitIntoContainerBlobAndAccountHost(
      String text, String root, String blobHost, String container, String blob) {
    AzureLocation l = AzureLocation.of(Location.of(text));
    assertThat(l.root()).isEqualTo(root);
    assertThat(l.blobHost()).isEqualTo(blobHost);
    assertThat(l.container()).isEqualTo(container);
    assertThat(l.blobName()).isEqualTo(blob);
    assertThat(l.location(l.blobName()).value())
        .isEqualTo(text.endsWith("lake") ? text + "/" : text);
  }

  @Test
  void abfssMapsToTheBlobEndpointOfItsAccount() {
    AzureSettings none = new AzureSettings(null, null, null, null);
    AzureLocation abfss =
        AzureLocation.of(Location.of("abfss://lake@acct.dfs.core.windows.net/events/"));
    assertThat(abfss.account()).isEqualTo("acct");
    assertThat(none.blobEndpoint(abfss)).isEqualTo("https://acct.blob.core.windows.net");
    AzureSettings keyed = new AzureSettings(null, "acct", "a2V5", null);
    assertThat(keyed.blobEndpoint(abfss)).isEqualTo("https://acct.blob.core.windows.net");
    assertThat(keyed.blobEndpoint(AzureLocation.of(Location.of("az://lake/x"))))
        .isEqualTo("https://acct.blob.core.windows.net");
  }

  @Test
  void anEndpointSettingServesEveryLocation() {
    AzureSettings azurite =
        new AzureSettings(
            java.net.URI.create("http://127.0.0.1:10000/devstoreaccount1"), "x", null, null);
    assertThat(
            azurite.blobEndpoint(
                AzureLocation.of(Location.of("abfss://c@a.dfs.core.windows.net/"))))
        .isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
  }

  @Test
  void credentialsForAnotherAccountAreRefused() {
    AzureSettings keyed = new AzureSettings(null, "mine", "a2V5", null);
    assertThatThrownBy(
            () ->
                keyed.blobEndpoint(
                    AzureLocation.of(Location.of("abfss://lake@theirs.dfs.core.windows.net/x"))))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("in storage account 'theirs'")
        .hasMessageContaining("credentials are for 'mine'")
        .hasMessageNotContaining("a2V5");
  }

  @Test
  void aLocationWithoutAnAccountNeedsOneConfigured() {
    assertThatThrownBy(
            () ->
                new AzureSettings(null, null, null, null)
                    .blobEndpoint(AzureLocation.of(Location.of("az://lake/x"))))
        .hasMessageContaining("names no storage account")
        .hasMessageContaining("AZURE_STORAGE_ACCOUNT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3://bucket/x",
        "az:///x",
        "abfss://lake/x",
        "abfss://@acct.dfs.core.windows.net/x",
        "az://acct.queue.core.windows.net/lake/x",
        "abfss://lake@.dfs.core.windows.net/x"
      })
  void malformedLocationsAreInvalidArguments(String text) {
    assertThatThrownBy(() -> AzureLocation.of(Location.of(text)))
        .isInstanceOf(QuacklakeException.class);
  }
}
