package io.quacklake.storage;

import io.quacklake.exceptions.QuacklakeException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a file or directory lives: a local path or a URI such as {@code s3://bucket/key}. Stored
 * with {@code /} separators; a directory location ends with {@code /}.
 *
 * @param value the normalised location text
 */
public record Location(String value) implements java.io.Serializable {
  public Location {
    Objects.requireNonNull(value, "value is null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("location is empty");
    }
  }

  public static Location of(String value) {
    return new Location(value.replace('\\', '/'));
  }

  /** A directory location: the value with exactly one trailing {@code /}. */
  public static Location directory(String value) {
    String v = value.replace('\\', '/');
    while (v.length() > 1 && v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    return new Location(v + "/");
  }

  public boolean isDirectory() {
    return value.endsWith("/");
  }

  /** The URI scheme ({@code s3}, {@code file}), or null for a plain local path. */
  public String scheme() {
    int colon = value.indexOf("://");
    if (colon <= 1) {
      return null;
    }
    return value.substring(0, colon);
  }

  /**
   * Appends a relative path by plain concatenation, as DuckLake joins paths. This is the storage
   * layer's containment guard: every relative path joined to a directory stays inside it, so no
   * read or write made through the result can reach a file outside the directory.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when {@code relative} could leave this directory
   *     (see {@link #staysInside})
   */
  public Location resolve(String relative) {
    if (!isDirectory()) {
      throw new IllegalStateException("cannot resolve '" + relative + "' against file " + value);
    }
    String path = relative.replace('\\', '/');
    if (!staysInside(path)) {
      throw QuacklakeException.invalid(
          "path '%s' would leave directory %s: a relative path inside a lake must not start with"
              + " '/' or contain a '..' segment; name the file inside the directory",
          relative, value);
    }
    return new Location(value + path);
  }

  /**
   * Whether a relative path joined to a directory stays inside it: it does not start with {@code /}
   * or {@code \} and has no {@code ..} segment. Empty segments and {@code .} are harmless.
   */
  public static boolean staysInside(String relative) {
    String path = relative.replace('\\', '/');
    if (path.startsWith("/")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The local file system path of a location without scheme or with {@code file://}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a {@code file:} location with a host ({@code
   *     file://tmp/x}, where {@code file:///tmp/x} was meant)
   */
  public Path toLocalPath() {
    String s = scheme();
    if (s == null) {
      return Path.of(value);
    }
    if (s.equalsIgnoreCase("file")) {
      String path = value.substring("file://".length());
      if (!path.startsWith("/")) {
        throw QuacklakeException.invalid(
            "location %s names the host '%s'; a local file location has three slashes, e.g."
                + " file:///%s",
            value, path.split("/", 2)[0], path);
      }
      try {
        return Path.of(URI.create(value));
      } catch (IllegalArgumentException notAUri) {
        return Path.of(path);
      }
    }
    throw new IllegalStateException("not a local location: " + value);
  }

  @Override
  public String toString() {
    return value;
  }
}
