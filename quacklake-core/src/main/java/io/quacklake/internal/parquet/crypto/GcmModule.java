package io.quacklake.internal.parquet.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One encrypted module as DuckDB writes it: a 4-byte little-endian length, then a 12-byte nonce,
 * the AES-GCM ciphertext and its 16-byte tag (the length counts these three). No additional
 * authenticated data.
 */
final class GcmModule {
  static final int LENGTH_BYTES = 4;
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private GcmModule() {}

  /** A decrypted module and the offset just past it. */
  record Plain(byte[] bytes, long next) {}

  /**
   * Decrypts the module at {@code offset} of {@code file}.
   *
   * @throws GeneralSecurityException when the key is wrong or the bytes were changed
   * @throws IllegalArgumentException when the module runs past the end of the file
   */
  static Plain decrypt(byte[] file, long offset, byte[] key) throws GeneralSecurityException {
    if (offset < 0 || offset + LENGTH_BYTES > file.length) {
      throw new IllegalArgumentException("an encrypted module starts past the end of the file");
    }
    int at = (int) offset;
    long length =
        Integer.toUnsignedLong(
            ByteBuffer.wrap(file, at, LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt());
    if (length < NONCE_BYTES + TAG_BYTES || at + LENGTH_BYTES + length > file.length) {
      throw new IllegalArgumentException(
          "an encrypted module at offset " + offset + " runs past the end of the file");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(TAG_BYTES * 8, file, at + LENGTH_BYTES, NONCE_BYTES));
    byte[] plain =
        cipher.doFinal(file, at + LENGTH_BYTES + NONCE_BYTES, (int) length - NONCE_BYTES);
    return new Plain(plain, offset + LENGTH_BYTES + length);
  }

  /**
   * Appends {@code plain[from, from + length)} to {@code out} as one module, with a fresh nonce.
   *
   * @return the module's size in bytes
   */
  static int encrypt(byte[] plain, int from, int length, byte[] key, OutputStream out)
      throws GeneralSecurityException, IOException {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(TAG_BYTES * 8, nonce));
    byte[] sealed = cipher.doFinal(plain, from, length);
    out.write(
        ByteBuffer.allocate(LENGTH_BYTES)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(NONCE_BYTES + sealed.length)
            .array());
    out.write(nonce);
    out.write(sealed);
    return LENGTH_BYTES + NONCE_BYTES + sealed.length;
  }

  /** A new random 128-bit key, as DuckDB makes one per file. */
  static byte[] newKey() {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    return key;
  }
}
