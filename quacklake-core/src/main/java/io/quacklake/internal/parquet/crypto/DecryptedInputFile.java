package io.quacklake.internal.parquet.crypto;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.BytesStream;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.SeekableStream;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * An encrypted Parquet file seen as the plain Parquet it holds: read and decrypted whole on first
 * use, then served from memory.
 */
final class DecryptedInputFile implements InputFile {
  private final InputFile encrypted;
  private final byte[] key;
  private byte[] plain;

  DecryptedInputFile(InputFile encrypted, byte[] key) {
    this.encrypted = encrypted;
    this.key = key;
  }

  @Override
  public Location location() {
    return encrypted.location();
  }

  @Override
  public long length() throws IOException {
    return plain().length;
  }

  @Override
  public SeekableStream newStream() throws IOException {
    return new BytesStream(plain());
  }

  private synchronized byte[] plain() throws IOException {
    if (plain != null) {
      return plain;
    }
    long length = encrypted.length();
    if (length > Integer.MAX_VALUE - 16) {
      throw QuacklakeException.unsupported(
          "encrypted Parquet file %s has %d bytes; Quacklake decrypts files of up to 2 GB",
          location(), length);
    }
    byte[] bytes;
    try (SeekableStream in = encrypted.newStream()) {
      bytes = in.readNBytes((int) length);
    }
    if (bytes.length != length) {
      throw new QuacklakeException(
          ErrorKind.CORRUPT,
          "encrypted Parquet file "
              + location()
              + " has "
              + bytes.length
              + " bytes, the catalog says "
              + length
              + "; restore the file or remove it from the lake");
    }
    try {
      plain = EncryptedParquet.decrypt(bytes, key);
    } catch (GeneralSecurityException e) {
      throw new QuacklakeException(
          ErrorKind.CORRUPT,
          "cannot decrypt Parquet file "
              + location()
              + " with the key the catalog holds for it (the file or its key was changed);"
              + " restore the file or remove it from the lake",
          e);
    } catch (IllegalArgumentException | IOException e) {
      throw new QuacklakeException(
          ErrorKind.CORRUPT,
          "encrypted Parquet file "
              + location()
              + " is damaged: "
              + e.getMessage()
              + "; restore the file or remove it from the lake",
          e);
    }
    return plain;
  }
}
