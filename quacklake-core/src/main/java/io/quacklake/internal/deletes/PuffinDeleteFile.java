package io.quacklake.internal.deletes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.PositionDeleteFile.Deletes;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DuckLake deletion-vector delete file ({@code format='puffin'}, spec §5.6): either one bare
 * {@code deletion-vector-v1} blob, or a Puffin container ({@code PFA1}) whose blobs are cumulative,
 * each labelled with the {@code ducklake-snapshot-id} it holds the deletes of.
 */
public final class PuffinDeleteFile {
  private static final byte[] PUFFIN_MAGIC = "PFA1".getBytes(StandardCharsets.US_ASCII);
  private static final String SNAPSHOT_PROPERTY = "ducklake-snapshot-id";
  private static final JsonFactory JSON = new JsonFactory();
  private static final long MAX_FILE = Integer.MAX_VALUE - 16;

  private PuffinDeleteFile() {}

  /** A written file's facts for its catalog row. */
  public record Written(long fileSizeBytes, long footerSize) {}

  /**
   * Every deleted position with the first snapshot whose blob holds it (a bare blob's positions
   * carry {@code fileSnapshot}, the delete file's begin snapshot), ascending by position.
   *
   * @throws QuacklakeException CORRUPT when the file is not a deletion vector or Puffin file
   */
  public static Deletes readAll(InputFile file, long fileSnapshot) {
    byte[] data = readFully(file);
    String where = file.location().value();
    if (!startsWith(data, 0, PUFFIN_MAGIC)) {
      long[] positions = DeletionVectorBlob.decode(data, 0, data.length, where);
      long[] snapshots = new long[positions.length];
      Arrays.fill(snapshots, fileSnapshot);
      return new Deletes(positions, snapshots);
    }
    List<Blob> blobs = new ArrayList<>(footer(data, where));
    blobs.sort(Comparator.comparingLong(b -> b.snapshot() == null ? fileSnapshot : b.snapshot()));
    TreeMap<Long, Long> first = new TreeMap<>();
    for (Blob b : blobs) {
      long snapshot = b.snapshot() == null ? fileSnapshot : b.snapshot();
      for (long p : DeletionVectorBlob.decode(data, b.offset(), b.length(), where)) {
        first.putIfAbsent(p, snapshot);
      }
    }
    long[] positions = new long[first.size()];
    long[] snapshots = new long[first.size()];
    int i = 0;
    for (Map.Entry<Long, Long> e : first.entrySet()) {
      positions[i] = e.getKey();
      snapshots[i++] = e.getValue();
    }
    return new Deletes(positions, snapshots);
  }

  /**
   * The positions deleted at or before {@code maxSnapshot}, strictly ascending: a container's
   * newest blob at or before it (blobs are cumulative; only that one is decoded), or a bare blob's
   * positions when its {@code fileSnapshot} is.
   */
  public static long[] read(InputFile file, long fileSnapshot, long maxSnapshot) {
    byte[] data = readFully(file);
    String where = file.location().value();
    if (!startsWith(data, 0, PUFFIN_MAGIC)) {
      return fileSnapshot <= maxSnapshot
          ? DeletionVectorBlob.decode(data, 0, data.length, where)
          : new long[0];
    }
    Blob newest = null;
    long newestSnapshot = Long.MIN_VALUE;
    for (Blob b : footer(data, where)) {
      long s = b.snapshot() == null ? fileSnapshot : b.snapshot();
      if (s <= maxSnapshot && s >= newestSnapshot) {
        newest = b;
        newestSnapshot = s;
      }
    }
    return newest == null
        ? new long[0]
        : DeletionVectorBlob.decode(data, newest.offset(), newest.length(), where);
  }

  /**
   * Writes the deletes of one data file as DuckDB does: with {@code history} and deletes from more
   * than one snapshot, a Puffin container with one cumulative blob per snapshot; otherwise one bare
   * blob (its snapshot is then the catalog row's begin snapshot).
   *
   * @param positions strictly ascending
   * @param snapshots aligned with {@code positions}
   */
  public static Written write(
      ObjectStore store,
      Location location,
      String dataFilePath,
      long[] positions,
      long[] snapshots,
      boolean history) {
    byte[] bytes;
    long footerSize;
    long[] distinct = Arrays.stream(snapshots).distinct().sorted().toArray();
    if (!history || distinct.length < 2) {
      bytes = DeletionVectorBlob.encode(positions);
      footerSize = 0;
    } else {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(PUFFIN_MAGIC);
      List<Blob> blobs = new ArrayList<>();
      List<Long> cardinalities = new ArrayList<>();
      for (long s : distinct) {
        long[] upTo = upTo(positions, snapshots, s);
        byte[] blob = DeletionVectorBlob.encode(upTo);
        blobs.add(new Blob(out.size(), blob.length, s));
        cardinalities.add((long) upTo.length);
        out.writeBytes(blob);
      }
      byte[] json = footerJson(blobs, cardinalities, dataFilePath);
      int start = out.size();
      out.writeBytes(PUFFIN_MAGIC);
      out.writeBytes(json);
      out.writeBytes(
          ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(json.length).array());
      out.writeBytes(new byte[4]);
      out.writeBytes(PUFFIN_MAGIC);
      bytes = out.toByteArray();
      footerSize = bytes.length - start;
    }
    OutputStream out = null;
    try {
      out = store.newOutputFile(location);
      out.write(bytes);
      out.close();
    } catch (IOException | RuntimeException e) {
      if (out != null) {
        Abortable.abort(out);
      }
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "could not write deletion vector " + location.value() + ": " + e.getMessage(),
          e);
    }
    return new Written(bytes.length, footerSize);
  }

  private static long[] upTo(long[] positions, long[] snapshots, long snapshot) {
    long[] out = new long[positions.length];
    int n = 0;
    for (int i = 0; i < positions.length; i++) {
      if (snapshots[i] <= snapshot) {
        out[n++] = positions[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private record Blob(int offset, int length, Long snapshot) {}

  private static byte[] footerJson(List<Blob> blobs, List<Long> cardinalities, String dataFile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("blobs");
      for (int i = 0; i < blobs.size(); i++) {
        Blob b = blobs.get(i);
        g.writeStartObject();
        g.writeStringField("type", "deletion-vector-v1");
        g.writeArrayFieldStart("fields");
        g.writeEndArray();
        g.writeNumberField("snapshot-id", -1);
        g.writeNumberField("sequence-number", -1);
        g.writeNumberField("offset", b.offset());
        g.writeNumberField("length", b.length());
        g.writeObjectFieldStart("properties");
        g.writeStringField("referenced-data-file", dataFile);
        g.writeStringField("cardinality", Long.toString(cardinalities.get(i)));
        g.writeStringField(SNAPSHOT_PROPERTY, Long.toString(b.snapshot()));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeStringField("created-by", "ducklake");
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static List<Blob> footer(byte[] data, String where) {
    int n = data.length;
    if (n < 4 + 16 || !startsWith(data, n - 4, PUFFIN_MAGIC)) {
      throw QuacklakeException.corrupt(
          "Puffin delete file %s has no footer (it does not end with PFA1)", where);
    }
    byte[] flags = Arrays.copyOfRange(data, n - 8, n - 4);
    if (flags[0] != 0 || flags[1] != 0 || flags[2] != 0 || flags[3] != 0) {
      throw QuacklakeException.unsupported(
          "Puffin delete file %s has a compressed footer; DuckLake writes none", where);
    }
    int payload = ByteBuffer.wrap(data, n - 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int start = n - 12 - payload - 4;
    if (payload < 0 || start < 4 || !startsWith(data, start, PUFFIN_MAGIC)) {
      throw QuacklakeException.corrupt(
          "Puffin delete file %s: its footer length %d does not point at a PFA1 magic",
          where, payload);
    }
    try (JsonParser p = JSON.createParser(data, start + 4, payload)) {
      List<Blob> blobs = new ArrayList<>();
      expect(p.nextToken(), JsonToken.START_OBJECT, where);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("blobs")) {
          expect(p.currentToken(), JsonToken.START_ARRAY, where);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            blobs.add(blob(p, where));
          }
        } else {
          p.skipChildren();
        }
      }
      return blobs;
    } catch (IOException e) {
      throw QuacklakeException.corrupt(
          "Puffin delete file %s: its footer is not JSON (%s)", where, e.getMessage());
    }
  }

  private static Blob blob(JsonParser p, String where) throws IOException {
    Map<String, String> fields = new HashMap<>();
    Map<String, String> properties = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("properties") && t == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          properties.put(key, p.getValueAsString());
        }
      } else if (t.isScalarValue()) {
        fields.put(name, p.getValueAsString());
      } else {
        p.skipChildren();
      }
    }
    if (!"deletion-vector-v1".equals(fields.get("type"))) {
      throw QuacklakeException.unsupported(
          "Puffin delete file %s holds a blob of type '%s'; DuckLake reads deletion-vector-v1",
          where, fields.get("type"));
    }
    try {
      String snapshot = properties.get(SNAPSHOT_PROPERTY);
      return new Blob(
          Integer.parseInt(fields.get("offset")),
          Integer.parseInt(fields.get("length")),
          snapshot == null ? null : Long.parseLong(snapshot));
    } catch (NumberFormatException e) {
      throw QuacklakeException.corrupt(
          "Puffin delete file %s: a blob's offset, length or snapshot is not a number", where);
    }
  }

  private static void expect(JsonToken got, JsonToken wanted, String where) {
    if (got != wanted) {
      throw QuacklakeException.corrupt(
          "Puffin delete file %s: its footer JSON has %s where %s belongs", where, got, wanted);
    }
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    return at >= 0
        && at + prefix.length <= data.length
        && Arrays.equals(data, at, at + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] readFully(InputFile file) {
    try (SeekableStream in = file.newStream()) {
      long length = file.length();
      if (length > MAX_FILE) {
        throw QuacklakeException.unsupported(
            "deletion vector %s is %d bytes; this release reads files up to 2 GB",
            file.location().value(), length);
      }
      byte[] data = in.readNBytes((int) length);
      if (data.length != length) {
        throw QuacklakeException.corrupt(
            "deletion vector %s is %d bytes, not the %d the catalog records",
            file.location().value(), data.length, length);
      }
      return data;
    } catch (IOException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "could not read deletion vector " + file.location().value() + ": " + e.getMessage(),
          e);
    }
  }
}
