package io.quacklake.azure;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach Azure Blob Storage, as DuckDB's azure extension and the Azure CLI take it. Each
 * value comes from the first source that has it: the lake's {@code azure.*} storage setting ({@code
 * azure.endpoint}, {@code azure.account-name}, {@code azure.account-key}, {@code azure.sas-token}),
 * then {@code azure.connection-string}, then {@code AZURE_STORAGE_CONNECTION_STRING}, then {@code
 * AZURE_STORAGE_SERVICE_ENDPOINT}, {@code AZURE_STORAGE_ACCOUNT}, {@code AZURE_STORAGE_KEY} and
 * {@code AZURE_STORAGE_SAS_TOKEN}. An account key signs requests (Shared Key); else a SAS token is
 * appended; else requests are anonymous (public containers).
 *
 * @param endpoint the blob service endpoint for every location (the emulator: {@code
 *     http://127.0.0.1:10000/devstoreaccount1}), or null for the account's own {@code
 *     https://ACCOUNT.blob.core.windows.net}
 * @param accountName the storage account, or null when only locations name it
 * @param accountKey the account's shared key, or null
 * @param sasToken a shared access signature (without {@code ?}), or null
 */
public record AzureSettings(URI endpoint, String accountName, String accountKey, String sasToken) {

  /** Settings first, then environment variables. */
  public static AzureSettings from(StorageSettings settings, Map<String, String> env) {
    List<ConnectionString> strings = new ArrayList<>();
    String own = settings.get("azure.connection-string");
    if (own != null && !own.isBlank()) {
      strings.add(ConnectionString.parse(own));
    }
    String fromEnv = env.get("AZURE_STORAGE_CONNECTION_STRING");
    if (fromEnv != null && !fromEnv.isBlank()) {
      strings.add(ConnectionString.parse(fromEnv));
    }
    String endpoint = settings.get("azure.endpoint");
    String account = settings.get("azure.account-name");
    String key = settings.get("azure.account-key");
    String sas = settings.get("azure.sas-token");
    for (ConnectionString c : strings) {
      endpoint = first(endpoint, c.blobEndpoint());
      account = first(account, c.accountName());
      key = first(key, c.accountKey());
      sas = first(sas, c.sasToken());
    }
    endpoint = first(endpoint, env.get("AZURE_STORAGE_SERVICE_ENDPOINT"));
    account = first(account, env.get("AZURE_STORAGE_ACCOUNT"));
    key = first(key, env.get("AZURE_STORAGE_KEY"));
    sas = first(sas, env.get("AZURE_STORAGE_SAS_TOKEN"));
    return new AzureSettings(
        uri(endpoint),
        account,
        key,
        sas == null ? null : sas.startsWith("?") ? sas.substring(1) : sas);
  }

  private static String first(String value, String fallback) {
    return value != null && !value.isBlank() ? value.trim() : blankToNull(fallback);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static URI uri(String endpoint) {
    if (endpoint == null) {
      return null;
    }
    try {
      URI uri =
          URI.create(
              endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw QuacklakeException.invalid(
          "azure.endpoint / AZURE_STORAGE_SERVICE_ENDPOINT '%s' is not a URL, e.g."
              + " http://127.0.0.1:10000/devstoreaccount1",
          endpoint);
    }
  }

  /**
   * The blob service endpoint that serves {@code location}: the endpoint setting when there is one
   * (it serves every account), else the host the location names, else the configured account's.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when no account is known, or when the location
   *     names another account than the credentials are for
   */
  String blobEndpoint(AzureLocation location) {
    if (endpoint != null) {
      return endpoint.toString();
    }
    String named = location.account();
    if (named != null) {
      if (accountName != null
          && (accountKey != null || sasToken != null)
          && !accountName.equalsIgnoreCase(named)) {
        throw QuacklakeException.invalid(
            "%s is in storage account '%s', but the Azure credentials are for '%s'; use a"
                + " location in '%s' or the other account's key or connection string",
            location, named, accountName, accountName);
      }
      return "https://" + location.blobHost();
    }
    if (accountName == null) {
      throw QuacklakeException.invalid(
          "%s names no storage account; set azure.account-name / AZURE_STORAGE_ACCOUNT, a"
              + " connection string (azure.connection-string / AZURE_STORAGE_CONNECTION_STRING),"
              + " or write az://ACCOUNT.blob.core.windows.net/container/path",
          location);
    }
    return "https://" + accountName.toLowerCase(Locale.ROOT) + ".blob.core.windows.net";
  }

  @Override
  public String toString() {
    return "AzureSettings[endpoint="
        + endpoint
        + ", accountName="
        + accountName
        + ", accountKey="
        + (accountKey == null ? null : "***")
        + ", sasToken="
        + (sasToken == null ? null : "***")
        + "]";
  }
}
