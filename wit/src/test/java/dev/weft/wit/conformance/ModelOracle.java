package dev.weft.wit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a resolved model with the reference parser's JSON dump of the same case: package,
 * interface and world names; each interface's type and function names and the kinds of its named
 * types; each world's import and export keys. Anonymous types are not compared: the reference
 * keeps them in its arena, Weft keeps them inline.
 */
final class ModelOracle {
  private final JsonNode json;

  ModelOracle(Path file) throws IOException {
    this.json = new ObjectMapper().readTree(file.toFile());
  }

  void check(Resolve r) {
    assertEquals(expectedPackages(), actualPackages(r), "packages, interfaces and worlds");
    for (JsonNode i : json.get("interfaces")) {
      if (i.get("name").isNull()) {
        continue;
      }
      String pkg = json.get("packages").get(i.get("package").asInt()).get("name").asText();
      Interface mine = find(r, pkg, i.get("name").asText());
      assertNotNull(mine, "interface " + pkg + "/" + i.get("name").asText());
      assertEquals(expectedTypes(i), actualTypes(r, mine), "types of " + pkg + "/" + i.get("name"));
      assertEquals(names(i.get("functions")), new TreeSet<>(mine.functions().keySet()),
          "functions of " + pkg + "/" + i.get("name"));
    }
    for (JsonNode w : json.get("worlds")) {
      String pkg = json.get("packages").get(w.get("package").asInt()).get("name").asText();
      World mine = findWorld(r, pkg, w.get("name").asText());
      assertNotNull(mine, "world " + pkg + "/" + w.get("name").asText());
      assertEquals(expectedKeys(w.get("imports")), actualKeys(r, mine.imports()),
          "imports of world " + w.get("name"));
      assertEquals(expectedKeys(w.get("exports")), actualKeys(r, mine.exports()),
          "exports of world " + w.get("name"));
    }
  }

  private Map<String, String> expectedPackages() {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode p : json.get("packages")) {
      out.put(p.get("name").asText(),
          names(p.get("interfaces")) + " " + names(p.get("worlds")));
    }
    return out;
  }

  private static Map<String, String> actualPackages(Resolve r) {
    Map<String, String> out = new TreeMap<>();
    for (WitPackage p : r.packages()) {
      out.put(p.name().toString(),
          new TreeSet<>(p.interfaces().keySet()) + " " + new TreeSet<>(p.worlds().keySet()));
    }
    return out;
  }

  private Map<String, String> expectedTypes(JsonNode iface) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : iface.get("types").properties()) {
      JsonNode kind = json.get("types").get(e.getValue().asInt()).get("kind");
      String k = kind.isTextual() ? kind.asText() : kind.fieldNames().next();
      out.put(e.getKey(), category(k));
    }
    return out;
  }

  private static Map<String, String> actualTypes(Resolve r, Interface i) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, TypeId> e : i.types().entrySet()) {
      String k = r.type(e.getValue()).definition().kind().name().toLowerCase();
      out.put(e.getKey(), category(k));
    }
    return out;
  }

  /** Named definitions keep their kind; aliases and anonymous definitions are all "alias". */
  private static String category(String kind) {
    return switch (kind) {
      case "record", "variant", "enum", "flags", "resource" -> kind;
      default -> "alias";
    };
  }

  private TreeSet<String> expectedKeys(JsonNode items) {
    TreeSet<String> out = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : items.properties()) {
      if (e.getKey().startsWith("interface-")) {
        JsonNode i = json.get("interfaces").get(Integer.parseInt(e.getKey().substring(10)));
        String pkg = json.get("packages").get(i.get("package").asInt()).get("name").asText();
        out.add(pkg + "/" + i.get("name").asText());
      } else {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private static TreeSet<String> actualKeys(Resolve r, Map<WorldKey, ?> items) {
    TreeSet<String> out = new TreeSet<>();
    for (WorldKey k : items.keySet()) {
      if (k.name().isPresent()) {
        out.add(k.name().get());
      } else {
        InterfaceId id = k.iface().get();
        Interface i = r.iface(id);
        out.add(r.pkg(i.pkg().orElseThrow()).name() + "/" + i.name().orElse("?"));
      }
    }
    return out;
  }

  private static TreeSet<String> names(JsonNode object) {
    TreeSet<String> out = new TreeSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Interface find(Resolve r, String pkg, String name) {
    for (WitPackage p : r.packages()) {
      if (p.name().toString().equals(pkg) && p.interfaces().containsKey(name)) {
        return r.iface(p.interfaces().get(name));
      }
    }
    return null;
  }

  private static World findWorld(Resolve r, String pkg, String name) {
    for (WitPackage p : r.packages()) {
      if (p.name().toString().equals(pkg) && p.worlds().containsKey(name)) {
        return r.world(p.worlds().get(name));
      }
    }
    return null;
  }
}
