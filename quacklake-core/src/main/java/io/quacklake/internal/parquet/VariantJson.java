package io.quacklake.internal.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.parquet.variant.Variant;

/**
 * A decoded Parquet variant (see {@link VariantShape}) as JSON text, as DuckDB's {@code to_json}
 * renders a VARIANT: shredded and unshredded parts merged, object keys in order, dates and times as
 * strings in DuckDB's form, binary as base64.
 */
final class VariantJson {
  private static final JsonFactory JSON = new JsonFactory();

  /** A variant value that is absent (a shredded object's missing field). */
  private static final Object MISSING = new Object();

  /** A variant's own null (not SQL NULL). */
  private static final Object NULL = new Object();

  private VariantJson() {}

  /**
   * The JSON of one row of the variant struct, or null for SQL NULL.
   *
   * @param row the decoded struct: {@code metadata}, {@code value}, {@code typed_value}
   * @param shape the struct's column (for the shredded type of {@code typed_value})
   */
  static String json(Map<?, ?> row, LakeColumn shape, String file) {
    if (row == null) {
      return null;
    }
    byte[] metadata = (byte[]) row.get("metadata");
    try {
      Object tree = value(metadata, row, typed(shape), file);
      if (tree == MISSING || tree == NULL) {
        // a variant null is NULL, as DuckDB takes it (v IS NULL holds)
        return null;
      }
      StringWriter out = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(out)) {
        write(g, tree);
      }
      return out.toString();
    } catch (IOException | RuntimeException e) {
      if (e instanceof QuacklakeException q) {
        throw q;
      }
      throw QuacklakeException.corrupt(
          "a VARIANT value in %s does not decode: %s", file, e.getMessage());
    }
  }

  private static LakeColumn typed(LakeColumn group) {
    for (LakeColumn c : group.children()) {
      if (c.name().equals("typed_value")) {
        return c;
      }
    }
    return null;
  }

  /** The value of a {value, typed_value} pair: the typed one when present, else the binary. */
  private static Object value(
      byte[] metadata, Map<?, ?> pair, LakeColumn typedColumn, String file) {
    Object typed = pair.get("typed_value");
    byte[] value = (byte[]) pair.get("value");
    if (typed == null) {
      return value == null ? MISSING : variant(new Variant(value, metadata));
    }
    LakeType type = typedColumn.type();
    if (type.id() == TypeId.STRUCT) {
      Map<String, Object> object = new TreeMap<>();
      if (value != null) {
        Object rest = variant(new Variant(value, metadata));
        if (rest instanceof Map<?, ?> m) {
          m.forEach((k, v) -> object.put((String) k, v));
        }
      }
      Map<?, ?> fields = (Map<?, ?>) typed;
      for (LakeColumn field : typedColumn.children()) {
        Object f = value(metadata, (Map<?, ?>) fields.get(field.name()), typed(field), file);
        if (f != MISSING) {
          object.put(field.name(), f);
        }
      }
      return object;
    }
    if (type.id() == TypeId.LIST) {
      LakeColumn element = typedColumn.children().get(0);
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) typed) {
        Object v = e == null ? NULL : value(metadata, (Map<?, ?>) e, typed(element), file);
        out.add(v == MISSING ? NULL : v);
      }
      return out;
    }
    return typed instanceof byte[]
            || typed instanceof Number
            || typed instanceof Boolean
            || typed instanceof String
        ? typed
        : new Text(DuckDbText.format(typed, typedColumn));
  }

  /** A value rendered as a JSON string of DuckDB text (dates, times, uuids). */
  private record Text(String text) {}

  private static Object variant(Variant v) {
    return switch (v.getType()) {
      case NULL -> NULL;
      case BOOLEAN -> v.getBoolean();
      case BYTE -> (long) v.getByte();
      case SHORT -> (long) v.getShort();
      case INT -> (long) v.getInt();
      case LONG -> v.getLong();
      case FLOAT -> (double) v.getFloat();
      case DOUBLE -> v.getDouble();
      case DECIMAL4, DECIMAL8, DECIMAL16 -> v.getDecimal();
      case STRING -> v.getString();
      case BINARY -> bytes(v.getBinary());
      case UUID -> new Text(v.getUUID().toString());
      case DATE -> new Text(LocalDate.ofEpochDay(v.getInt()).toString());
      case TIME -> new Text(text(LocalTime.ofNanoOfDay(v.getLong() * 1000), TypeId.TIME));
      case TIMESTAMP_TZ -> new Text(text(micros(v.getLong()), TypeId.TIMESTAMPTZ));
      case TIMESTAMP_NTZ ->
          new Text(
              text(LocalDateTime.ofInstant(micros(v.getLong()), ZoneOffset.UTC), TypeId.TIMESTAMP));
      case TIMESTAMP_NANOS_TZ -> new Text(text(nanos(v.getLong()), TypeId.TIMESTAMPTZ_NS));
      case TIMESTAMP_NANOS_NTZ ->
          new Text(
              text(
                  LocalDateTime.ofInstant(nanos(v.getLong()), ZoneOffset.UTC),
                  TypeId.TIMESTAMP_NS));
      case OBJECT -> {
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < v.numObjectElements(); i++) {
          Variant.ObjectField f = v.getFieldAtIndex(i);
          out.put(f.key, variant(f.value));
        }
        yield out;
      }
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.numArrayElements(); i++) {
          out.add(variant(v.getElementAtIndex(i)));
        }
        yield out;
      }
    };
  }

  private static String text(Object value, TypeId type) {
    return DuckDbText.format(
        value, new LakeColumn(0, "v", LakeType.of(type), true, null, null, List.of()));
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  private static Instant nanos(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == NULL || v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object e : l) {
        write(g, e);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Double d) {
      g.writeRawValue(DuckDbText.jsonDouble(d));
    } else if (v instanceof Float f) {
      g.writeRawValue(DuckDbText.jsonDouble(f));
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d.toPlainString());
    } else if (v instanceof java.math.BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof byte[] b) {
      g.writeString(Base64.getEncoder().encodeToString(b));
    } else if (v instanceof Text t) {
      g.writeString(t.text());
    } else if (v instanceof UUID u) {
      g.writeString(u.toString());
    } else {
      g.writeString(v.toString());
    }
  }
}
