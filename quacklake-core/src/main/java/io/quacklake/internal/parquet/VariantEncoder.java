package io.quacklake.internal.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.parquet.variant.Variant;
import org.apache.parquet.variant.VariantArrayBuilder;
import org.apache.parquet.variant.VariantBuilder;
import org.apache.parquet.variant.VariantObjectBuilder;

/**
 * JSON text as a Parquet variant (metadata and value), the form VARIANT values take in Quacklake:
 * objects, arrays, strings, booleans, null, integers as 64-bit integers, other numbers as exact
 * decimals where they fit (38 digits) and doubles otherwise.
 */
final class VariantEncoder {
  private static final JsonFactory JSON = new JsonFactory();

  private VariantEncoder() {}

  /**
   * The variant of one JSON value.
   *
   * @throws QuacklakeException INVALID_ARGUMENT naming {@code column} for text that is not JSON
   */
  static Variant encode(String json, String column) {
    try (JsonParser p = JSON.createParser(json)) {
      VariantBuilder b = new VariantBuilder();
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IOException("empty text");
      }
      value(p, t, b);
      if (p.nextToken() != null) {
        throw new IOException("text after the value");
      }
      return b.build();
    } catch (IOException e) {
      throw QuacklakeException.invalid(
          "VARIANT column '%s' takes JSON text (a string value as \"text\"), got '%s': %s",
          column, json.length() > 80 ? json.substring(0, 80) + "..." : json, e.getMessage());
    }
  }

  private static void value(JsonParser p, JsonToken t, VariantBuilder b) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        VariantObjectBuilder o = b.startObject();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          o.appendKey(p.currentName());
          value(p, p.nextToken(), o);
        }
        b.endObject();
      }
      case START_ARRAY -> {
        VariantArrayBuilder a = b.startArray();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          value(p, e, a);
        }
        b.endArray();
      }
      case VALUE_STRING -> b.appendString(p.getText());
      case VALUE_TRUE -> b.appendBoolean(true);
      case VALUE_FALSE -> b.appendBoolean(false);
      case VALUE_NULL -> b.appendNull();
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          BigDecimal d = new BigDecimal(p.getBigIntegerValue());
          if (d.precision() <= 38) {
            b.appendDecimal(d);
          } else {
            b.appendDouble(d.doubleValue());
          }
        } else {
          b.appendLong(p.getLongValue());
        }
      }
      case VALUE_NUMBER_FLOAT -> {
        String text = p.getText();
        BigDecimal d = text.contains("e") || text.contains("E") ? null : new BigDecimal(text);
        if (d != null && d.precision() <= 38 && d.scale() >= 0 && d.scale() <= 38) {
          b.appendDecimal(d);
        } else {
          b.appendDouble(p.getDoubleValue());
        }
      }
      default -> throw new IOException("unexpected " + t);
    }
  }
}
