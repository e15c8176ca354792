package io.quacklake.internal.storage;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.ObjectStoreProvider;
import io.quacklake.storage.StorageSettings;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * The store that serves a location: local paths and {@code file://} are the local disk. A
 * process-wide decorator can wrap every store made here (metrics, fault injection in tests).
 */
public final class ObjectStores {
  private static volatile UnaryOperator<ObjectStore> decorator = UnaryOperator.identity();

  private ObjectStores() {}

  /**
   * Wraps every store made from now on in this process. A wrapper that wraps output streams should
   * make them {@link Abortable}, forwarding to the wrapped stream, so that abandoned writes are
   * still cleaned up.
   */
  public static void decorate(UnaryOperator<ObjectStore> wrapper) {
    decorator = wrapper;
  }

  /** The store for a location, with default settings (environment variables). */
  public static ObjectStore forLocation(Location location) {
    return forLocation(location, StorageSettings.NONE);
  }

  /**
   * @throws QuacklakeException UNSUPPORTED for a scheme no store on the class path handles
   */
  public static ObjectStore forLocation(Location location, StorageSettings settings) {
    String scheme = location.scheme();
    if (scheme == null || scheme.equals("file")) {
      return decorator.apply(new LocalObjectStore());
    }
    for (ObjectStoreProvider p : ServiceLoader.load(ObjectStoreProvider.class)) {
      if (p.supports(scheme)) {
        return decorator.apply(p.open(settings));
      }
    }
    throw QuacklakeException.unsupported(
        "no store for %s:// locations (%s) on the class path; add the module that serves it:"
            + " io.quacklake:quacklake-s3 for s3://, io.quacklake:quacklake-azure for az:// and"
            + " abfss://, io.quacklake:quacklake-gcs for gs:// and gcs://",
        scheme, location);
  }
}
