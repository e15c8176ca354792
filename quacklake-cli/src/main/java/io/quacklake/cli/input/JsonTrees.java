package io.quacklake.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Parses one JSON value into a tree whose numbers keep what their text says: integers as exact
 * integers, decimals as exact decimals, {@code -0.0} with its sign, and {@code NaN}/{@code
 * Infinity} (as DuckDB's {@code to_json} writes them) as doubles.
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /** Parts of Jackson's messages that name its Java classes or settings. */
  private static final Pattern JACKSON_HINTS =
      Pattern.compile(
          "[:;]?\\s*(enable|use) `[^`]*`[^;]*|, from `[^`]*`|\\s*\\(not recognized as one since"
              + " [^)]*\\)");

  private JsonTrees() {}

  /** Why {@code e}'s text is not JSON, with the character position, in the user's terms. */
  static String reason(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    message = JACKSON_HINTS.matcher(message.split("\n", 2)[0]).replaceAll("");
    long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    return (column > 0 ? "at character " + column + ": " : "") + message;
  }

  /**
   * The value of {@code text}, which must hold one JSON value and nothing else.
   *
   * @throws IOException (a Jackson processing exception) when the text is not one JSON value
   */
  public static JsonNode parse(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonNode node = value(p, p.nextToken());
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "unexpected text after the value");
      }
      return node;
    }
  }

  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonParseException(p, "no value");
    }
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          object.set(name, value(p, p.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(value(p, t));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> floating(p);
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(p, "unexpected token");
    };
  }

  private static JsonNode floating(JsonParser p) throws IOException {
    if (p.isNaN()) {
      return NODES.numberNode(p.getDoubleValue());
    }
    BigDecimal d = p.getDecimalValue();
    if (d.signum() == 0 && p.getText().startsWith("-")) {
      return NODES.numberNode(-0.0);
    }
    return NODES.numberNode(d);
  }
}
