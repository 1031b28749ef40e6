package dev.weft.flows.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.flows.yaml.YNode;
import dev.weft.flows.yaml.YNode.YEntry;
import dev.weft.flows.yaml.YNode.YMap;
import dev.weft.flows.yaml.YNode.YScalar;
import dev.weft.flows.yaml.YNode.YSeq;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.WitType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Literals in flows are YAML written in Weft's JSON mapping of WIT values; this turns the YAML
 * tree into the JSON tree that mapping reads, keeping integers exact.
 */
final class LiteralTypes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private LiteralTypes() {}

  /** The JSON a YAML literal stands for. */
  static JsonNode toJson(YNode node) {
    if (node instanceof YSeq seq) {
      ArrayNode a = JSON.arrayNode();
      seq.items().forEach(i -> a.add(toJson(i)));
      return a;
    }
    if (node instanceof YMap map) {
      ObjectNode o = JSON.objectNode();
      for (YEntry e : map.entries()) {
        o.set(e.key().value(), toJson(e.value()));
      }
      return o;
    }
    YScalar s = (YScalar) node;
    return switch (s.type()) {
      case STRING -> JSON.textNode(s.value());
      case BOOL -> JSON.booleanNode(Boolean.parseBoolean(s.value().toLowerCase()));
      case NULL -> JSON.nullNode();
      case INT -> JSON.numberNode(integer(s.value()));
      case FLOAT -> decimal(s.value());
    };
  }

  /** The type a constant output has: string, s64, f64 or bool. */
  static Optional<WitType> infer(YNode node) {
    if (!(node instanceof YScalar s)) {
      return Optional.empty();
    }
    return switch (s.type()) {
      case STRING -> Optional.of(Primitive.STRING);
      case BOOL -> Optional.of(Primitive.BOOL);
      case INT -> Optional.of(Primitive.S64);
      case FLOAT -> Optional.of(Primitive.F64);
      case NULL -> Optional.empty();
    };
  }

  // YAML 1.2 core schema integers: decimal, 0x hex, 0o octal, with an optional sign.
  private static BigInteger integer(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    if (t.startsWith("-") || t.startsWith("+")) {
      t = t.substring(1);
    }
    BigInteger v;
    if (t.startsWith("0x")) {
      v = new BigInteger(t.substring(2), 16);
    } else if (t.startsWith("0o")) {
      v = new BigInteger(t.substring(2), 8);
    } else {
      v = new BigInteger(t);
    }
    return negative ? v.negate() : v;
  }

  private static JsonNode decimal(String text) {
    String t = text.toLowerCase();
    if (t.endsWith(".nan")) {
      return JSON.textNode("NaN");
    }
    if (t.endsWith(".inf")) {
      return JSON.textNode(t.startsWith("-") ? "-Infinity" : "Infinity");
    }
    return JSON.numberNode(new BigDecimal(text));
  }
}
