package io.quacklake.internal.parquet.crypto;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.util.Base64;

/** Opens the data and delete files of a lake, decrypting those the catalog holds a key for. */
public final class FileEncryption {
  private FileEncryption() {}

  /**
   * The file at {@code location}, as plain Parquet.
   *
   * @param size the file's size as the catalog records it, or -1
   * @param key the file's {@code encryption_key} (base64), or null when it is not encrypted
   */
  public static InputFile open(ObjectStore store, Location location, long size, String key) {
    InputFile file = store.newInputFile(location, size);
    return key == null
        ? file
        : new DecryptedInputFile(file, decode(key, location), key, size, PlainCopies.of(store));
  }

  /** A new random key for a file, as the catalog stores it (base64 of 16 bytes). */
  public static String newKey() {
    return Base64.getEncoder().encodeToString(GcmModule.newKey());
  }

  /**
   * The bytes of a key as the catalog stores it.
   *
   * @throws QuacklakeException CORRUPT when it is not base64 of 16, 24 or 32 bytes
   */
  public static byte[] decode(String key, Location file) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.trim());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new QuacklakeException(
          io.quacklake.exceptions.ErrorKind.CORRUPT,
          "the catalog's encryption_key of "
              + file
              + " is not an AES key (base64 of 16, 24 or 32 bytes); restore the catalog");
    }
    return bytes;
  }
}
