package io.quacklake.azure;

import io.quacklake.exceptions.QuacklakeException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Azure Storage connection string ({@code AccountName=...;AccountKey=...;BlobEndpoint=...}), as
 * the portal, the Azure CLI and DuckDB take it; {@code UseDevelopmentStorage=true} names the local
 * emulator's well-known account. Keys are matched without regard to case.
 *
 * @param blobEndpoint the blob service endpoint it gives or implies, or null
 * @param accountName the account, or null
 * @param accountKey the shared key, or null
 * @param sasToken a shared access signature, or null
 */
record ConnectionString(
    String blobEndpoint, String accountName, String accountKey, String sasToken) {
  /** The emulator's published account, the same in every installation. */
  static final String DEV_ACCOUNT = "devstoreaccount1";

  static final String DEV_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  /**
   * @throws QuacklakeException INVALID_ARGUMENT for a part that is not {@code Name=value} (the
   *     message never repeats the string, which holds secrets)
   */
  static ConnectionString parse(String text) {
    Map<String, String> parts = new TreeMap<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0 || !part.substring(0, eq).trim().matches("[A-Za-z]+")) {
        throw QuacklakeException.invalid(
            "the Azure connection string has a part that is not Name=value (%d characters);"
                + " expected"
                + " AccountName=...;AccountKey=... (azure.connection-string or"
                + " AZURE_STORAGE_CONNECTION_STRING)",
            part.length());
      }
      parts.put(
          part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
    }
    if ("true".equalsIgnoreCase(parts.get("usedevelopmentstorage"))) {
      return new ConnectionString(
          "http://127.0.0.1:10000/" + DEV_ACCOUNT, DEV_ACCOUNT, DEV_KEY, null);
    }
    String account = parts.get("accountname");
    String endpoint = parts.get("blobendpoint");
    if (endpoint == null && account != null) {
      String protocol = parts.getOrDefault("defaultendpointsprotocol", "https");
      String suffix = parts.getOrDefault("endpointsuffix", "core.windows.net");
      endpoint = protocol + "://" + account + ".blob." + suffix;
    }
    String sas = parts.get("sharedaccesssignature");
    return new ConnectionString(endpoint, account, parts.get("accountkey"), sas);
  }

  @Override
  public String toString() {
    return "ConnectionString[blobEndpoint="
        + blobEndpoint
        + ", accountName="
        + accountName
        + ", accountKey="
        + (accountKey == null ? null : "***")
        + ", sasToken="
        + (sasToken == null ? null : "***")
        + "]";
  }
}
