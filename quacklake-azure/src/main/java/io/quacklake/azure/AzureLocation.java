package io.quacklake.azure;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import java.util.Locale;

/**
 * A location as container and blob name, in the forms DuckDB's azure extension accepts: {@code
 * az://container/blob}, {@code azure://container/blob}, {@code
 * az://account.blob.core.windows.net/container/blob}, {@code
 * abfss://container@account.dfs.core.windows.net/blob} and {@code
 * abfss://account.dfs.core.windows.net/container/blob}. Data Lake ({@code dfs}) hosts map to the
 * same account's blob host: the store speaks the Blob API only.
 *
 * @param root the location text up to and including the container, ending in {@code /}; a blob's
 *     location is {@code root + name}
 * @param blobHost the account's blob host ({@code account.blob.core.windows.net}), or null when the
 *     location names no account
 * @param container the container
 * @param blobName the blob name, or a prefix ending in {@code /} (empty: the whole container)
 */
record AzureLocation(String root, String blobHost, String container, String blobName) {
  static AzureLocation of(Location location) {
    String v = location.value();
    String scheme = location.scheme() == null ? "" : location.scheme().toLowerCase(Locale.ROOT);
    if (!AzureObjectStoreProvider.SCHEMES.contains(scheme)) {
      throw QuacklakeException.invalid(
          "not an Azure location: %s; write az://container/path or"
              + " abfss://container@account.dfs.core.windows.net/path",
          location);
    }
    String rest = v.substring(scheme.length() + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    String prefix = v.substring(0, scheme.length() + 3);
    int at = authority.indexOf('@');
    if (at >= 0) {
      return checked(
          location,
          prefix + authority + "/",
          authority.substring(0, at),
          host(authority.substring(at + 1), location),
          path);
    }
    if (authority.contains(".")) {
      int next = path.indexOf('/');
      String container = next < 0 ? path : path.substring(0, next);
      String blob = next < 0 ? "" : path.substring(next + 1);
      return checked(
          location,
          prefix + authority + "/" + container + "/",
          container,
          host(authority, location),
          blob);
    }
    if (scheme.equals("abfss")) {
      throw QuacklakeException.invalid(
          "abfss location %s names no storage account; write"
              + " abfss://container@account.dfs.core.windows.net/path",
          location);
    }
    return checked(location, prefix + authority + "/", authority, null, path);
  }

  private static AzureLocation checked(
      Location location, String root, String container, String blobHost, String blobName) {
    if (container.isEmpty()) {
      throw QuacklakeException.invalid("Azure location %s names no container", location);
    }
    return new AzureLocation(root, blobHost, container, blobName);
  }

  /** The blob host of the account host {@code host} ({@code dfs} becomes {@code blob}). */
  private static String host(String host, Location location) {
    String h = host.toLowerCase(Locale.ROOT);
    int dot = h.indexOf('.');
    if (dot <= 0) {
      throw QuacklakeException.invalid(
          "Azure location %s names the host '%s'; expected account.blob.core.windows.net or"
              + " account.dfs.core.windows.net",
          location, host);
    }
    String service = h.substring(dot + 1);
    if (service.startsWith("dfs.")) {
      return h.substring(0, dot) + ".blob." + service.substring("dfs.".length());
    }
    if (!service.startsWith("blob.")) {
      throw QuacklakeException.invalid(
          "Azure location %s names the host '%s', which is neither a blob nor a dfs endpoint",
          location, host);
    }
    return h;
  }

  /** The storage account the location names, or null. */
  String account() {
    return blobHost == null ? null : blobHost.substring(0, blobHost.indexOf('.'));
  }

  Location location(String name) {
    return Location.of(root + name);
  }

  @Override
  public String toString() {
    return root + blobName;
  }
}
