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
  private final String id;
  private final PlainCopies copies;
  private volatile EncryptedParquet.Plain plain;

  /**
   * @param keyText the key as the catalog holds it (part of the shared copy's identity)
   */
  DecryptedInputFile(
      InputFile encrypted, byte[] key, String keyText, long size, PlainCopies copies) {
    this.encrypted = encrypted;
    this.copies = copies;
    this.key = key;
    this.id = encrypted.location().value() + "|" + size + "|" + keyText;
  }

  @Override
  public Location location() {
    return encrypted.location();
  }

  @Override
  public long length() throws IOException {
    return plain().length();
  }

  @Override
  public SeekableStream newStream() throws IOException {
    EncryptedParquet.Plain p = plain();
    return new BytesStream(p.bytes(), p.length());
  }

  private EncryptedParquet.Plain plain() throws IOException {
    EncryptedParquet.Plain p = plain;
    if (p == null) {
      p = copies.get(id, this::decrypt);
      plain = p;
    }
    return p;
  }

  private EncryptedParquet.Plain decrypt() throws IOException {
    long length = encrypted.length();
    if (length > Integer.MAX_VALUE - 16) {
      throw QuacklakeException.unsupported(
          "encrypted Parquet file %s has %d bytes; Quacklake decrypts files of up to 2 GB",
          location(), length);
    }
    byte[] bytes = new byte[(int) length];
    int read;
    try (SeekableStream in = encrypted.newStream()) {
      read = in.readNBytes(bytes, 0, bytes.length);
    }
    if (read != length) {
      throw new QuacklakeException(
          ErrorKind.CORRUPT,
          "encrypted Parquet file "
              + location()
              + " has "
              + read
              + " bytes, the catalog says "
              + length
              + "; restore the file or remove it from the lake");
    }
    try {
      return EncryptedParquet.decrypt(bytes, key);
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
  }
}
