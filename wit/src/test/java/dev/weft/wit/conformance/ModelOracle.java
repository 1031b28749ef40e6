package dev.weft.wit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.WitType;
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
 * types; each world's import and export keys. Anonymous types are not compared: the reference keeps
 * them in its arena, Weft keeps them inline.
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
      assertEquals(
          expectedFunctions(i), actualFunctions(mine), "functions of " + pkg + "/" + i.get("name"));
    }
    for (JsonNode w : json.get("worlds")) {
      String pkg = json.get("packages").get(w.get("package").asInt()).get("name").asText();
      World mine = findWorld(r, pkg, w.get("name").asText());
      assertNotNull(mine, "world " + pkg + "/" + w.get("name").asText());
      assertEquals(
          expectedKeys(w.get("imports")),
          actualKeys(r, mine.imports()),
          "imports of world " + w.get("name"));
      assertEquals(
          expectedKeys(w.get("exports")),
          actualKeys(r, mine.exports()),
          "exports of world " + w.get("name"));
    }
  }

  private Map<String, String> expectedPackages() {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode p : json.get("packages")) {
      out.put(p.get("name").asText(), names(p.get("interfaces")) + " " + names(p.get("worlds")));
    }
    return out;
  }

  private static Map<String, String> actualPackages(Resolve r) {
    Map<String, String> out = new TreeMap<>();
    for (WitPackage p : r.packages()) {
      out.put(
          p.name().toString(),
          new TreeSet<>(p.interfaces().keySet()) + " " + new TreeSet<>(p.worlds().keySet()));
    }
    return out;
  }

  /** Function names with their parameter names (the implicit `self` included). */
  private static Map<String, String> expectedFunctions(JsonNode iface) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : iface.get("functions").properties()) {
      StringBuilder params = new StringBuilder();
      e.getValue().get("params").forEach(p -> params.append(p.get("name").asText()).append(' '));
      out.put(e.getKey(), params.toString());
    }
    return out;
  }

  private static Map<String, String> actualFunctions(Interface i) {
    Map<String, String> out = new TreeMap<>();
    i.functions()
        .forEach(
            (n, f) -> {
              StringBuilder params = new StringBuilder();
              f.params().forEach(p -> params.append(p.name()).append(' '));
              out.put(n, params.toString());
            });
    return out;
  }

  /**
   * Each type's kind; an alias of a named type also names its target ({@code alias->owner.name}),
   * which checks what every {@code use} resolved to.
   */
  private Map<String, String> expectedTypes(JsonNode iface) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : iface.get("types").properties()) {
      JsonNode kind = json.get("types").get(e.getValue().asInt()).get("kind");
      String k = kind.isTextual() ? kind.asText() : kind.fieldNames().next();
      String c = category(k);
      if (k.equals("type") && kind.get("type").isInt()) {
        JsonNode target = json.get("types").get(kind.get("type").asInt());
        if (!target.get("name").isNull()) {
          c = "alias->" + jsonOwner(target.get("owner")) + "." + target.get("name").asText();
        }
      }
      out.put(e.getKey(), c);
    }
    return out;
  }

  private String jsonOwner(JsonNode owner) {
    if (owner.has("interface")) {
      JsonNode i = json.get("interfaces").get(owner.get("interface").asInt());
      String pkg = json.get("packages").get(i.get("package").asInt()).get("name").asText();
      return pkg + "/" + i.get("name").asText("<anon>");
    }
    return owner.has("world")
        ? "world " + json.get("worlds").get(owner.get("world").asInt()).get("name").asText()
        : "-";
  }

  private static Map<String, String> actualTypes(Resolve r, Interface i) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, TypeId> e : i.types().entrySet()) {
      WitType def = r.type(e.getValue()).definition();
      String c = category(def.kind().name().toLowerCase());
      if (def instanceof Named n) {
        TypeDef target = r.type(n.id());
        c = "alias->" + owner(r, target) + "." + target.name().orElse("?");
      }
      out.put(e.getKey(), c);
    }
    return out;
  }

  private static String owner(Resolve r, TypeDef t) {
    if (t.owner().iface().isPresent()) {
      Interface i = r.iface(t.owner().iface().get());
      return r.pkg(i.pkg().orElseThrow()).name() + "/" + i.name().orElse("<anon>");
    }
    return t.owner().world().map(w -> "world " + r.world(w).name()).orElse("-");
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
