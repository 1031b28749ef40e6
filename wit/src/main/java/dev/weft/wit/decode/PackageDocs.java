package dev.weft.wit.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.decode.DecodeArenas.Iface;
import dev.weft.wit.decode.DecodeArenas.Pkg;
import dev.weft.wit.decode.DecodeArenas.WorldB;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.Stability;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.model.WorldId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The docs and feature gates of an encoded WIT package: the binary format has no place for them, so
 * wit-component writes them as JSON into a {@code package-docs} custom section (a version byte, 0
 * or 1, then the JSON). Applied to the package's interfaces, worlds, types and functions before the
 * resolve is frozen.
 */
final class PackageDocs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DecodeArenas arenas;
  private final Pkg pkg;

  PackageDocs(DecodeArenas arenas, Pkg pkg) {
    this.arenas = arenas;
    this.pkg = pkg;
  }

  /**
   * Applies the section {@code data}.
   *
   * @throws UnsupportedComponentException when the section is not a known version of the format or
   *     names items the package does not have
   */
  void inject(byte[] data) {
    if (data.length == 0 || (data[0] != 0 && data[0] != 1)) {
      throw bad("expected a version byte of 0 or 1 first");
    }
    JsonNode root;
    try {
      root = JSON.readTree(Arrays.copyOfRange(data, 1, data.length));
    } catch (IOException e) {
      throw bad("expected JSON after the version byte");
    }
    if (root == null || !root.isObject()) {
      throw bad("expected a JSON object");
    }
    text(root.get("docs")).ifPresent(d -> pkg.docs = Docs.of(d));
    fields(root.get("interfaces"))
        .forEach(
            e -> {
              InterfaceId id = pkg.interfaces.get(e.getKey());
              if (id == null) {
                throw bad(
                    "it names interface `" + e.getKey() + "`, which the package does not have");
              }
              iface(id, e.getValue());
            });
    fields(root.get("worlds"))
        .forEach(
            e -> {
              WorldId id = pkg.worlds.get(e.getKey());
              if (id == null) {
                throw bad("it names world `" + e.getKey() + "`, which the package does not have");
              }
              world(arenas.world(id), id, e.getValue());
            });
  }

  private void iface(InterfaceId id, JsonNode meta) {
    Iface i = arenas.iface(id);
    text(meta.get("docs")).ifPresent(d -> i.docs = Docs.of(d));
    i.stability = stability(meta.get("stability"));
    fields(meta.get("types"))
        .forEach(e -> type(need(i.types.get(e.getKey()), "type", e.getKey()), e.getValue()));
    fields(meta.get("funcs"))
        .forEach(
            e -> {
              Function f = need(i.functions.get(e.getKey()), "function", e.getKey());
              i.functions.put(e.getKey(), function(f, e.getValue()));
            });
  }

  private void world(WorldB w, WorldId id, JsonNode meta) {
    text(meta.get("docs")).ifPresent(d -> w.docs = Docs.of(d));
    w.stability = stability(meta.get("stability"));
    fields(meta.get("interfaces")).forEach(e -> inlineInterface(w, e.getKey(), e.getValue(), true));
    fields(meta.get("interface_exports"))
        .forEach(e -> inlineInterface(w, e.getKey(), e.getValue(), false));
    fields(meta.get("types"))
        .forEach(
            e -> {
              if (!(w.imports.get(WorldKey.of(e.getKey())) instanceof WorldItem.TypeItem t)) {
                throw bad(
                    "it names type `"
                        + e.getKey()
                        + "`, which world `"
                        + w.name
                        + "` does not have");
              }
              type(t.id(), e.getValue());
            });
    fields(meta.get("funcs")).forEach(e -> worldFunction(w, e.getKey(), e.getValue(), true));
    fields(meta.get("func_exports"))
        .forEach(e -> worldFunction(w, e.getKey(), e.getValue(), false));
    fields(meta.get("interface_import_stability"))
        .forEach(e -> interfaceStability(w.imports, e.getKey(), stability(e.getValue())));
    fields(meta.get("interface_export_stability"))
        .forEach(e -> interfaceStability(w.exports, e.getKey(), stability(e.getValue())));
  }

  /** Metadata of an interface a world writes inline ({@code import x: interface { .. }}). */
  private void inlineInterface(WorldB w, String name, JsonNode meta, boolean importsFirst) {
    WorldKey key = WorldKey.of(name);
    WorldItem item =
        importsFirst && w.imports.containsKey(key) ? w.imports.get(key) : w.exports.get(key);
    if (!(item instanceof WorldItem.InterfaceItem ii)) {
      throw bad("it names interface `" + name + "`, which world `" + w.name + "` does not have");
    }
    iface(ii.id(), meta);
    Map<WorldKey, WorldItem> items = w.imports.get(key) == item ? w.imports : w.exports;
    items.put(key, new WorldItem.InterfaceItem(ii.id(), arenas.iface(ii.id()).stability));
  }

  private void worldFunction(WorldB w, String name, JsonNode meta, boolean importsFirst) {
    WorldKey key = WorldKey.of(name);
    Map<WorldKey, WorldItem> items =
        importsFirst && w.imports.get(key) instanceof WorldItem.FunctionItem
            ? w.imports
            : w.exports;
    if (!(items.get(key) instanceof WorldItem.FunctionItem f)) {
      throw bad("it names function `" + name + "`, which world `" + w.name + "` does not have");
    }
    items.put(key, new WorldItem.FunctionItem(function(f.function(), meta)));
  }

  /** The gate of an imported or exported interface, which metadata keys by its printed name. */
  private void interfaceStability(Map<WorldKey, WorldItem> items, String name, Stability s) {
    for (Map.Entry<WorldKey, WorldItem> e : items.entrySet()) {
      if (e.getValue() instanceof WorldItem.InterfaceItem ii && keyName(e.getKey()).equals(name)) {
        e.setValue(new WorldItem.InterfaceItem(ii.id(), s));
        return;
      }
    }
    throw bad("it names interface `" + name + "`, which no world import or export is");
  }

  private String keyName(WorldKey key) {
    if (key.name().isPresent()) {
      return key.name().get();
    }
    Iface i = arenas.iface(key.iface().get());
    Pkg owner = null;
    for (Pkg p : arenas.foreign.values()) {
      if (p.interfaces.containsValue(key.iface().get())) {
        owner = p;
      }
    }
    if (pkg.interfaces.containsValue(key.iface().get())) {
      owner = pkg;
    }
    if (owner == null) {
      return i.name.orElse("");
    }
    var n = owner.name;
    return n.namespace()
        + ":"
        + n.name()
        + "/"
        + i.name.orElse("")
        + n.version().map(v -> "@" + v).orElse("");
  }

  private void type(TypeId id, JsonNode meta) {
    TypeDef def = arenas.types.get(id.index());
    JsonNode items = meta.get("items");
    WitType t = def.definition();
    if (items != null && items.size() > 0) {
      t = withItemDocs(t, items);
    }
    arenas.types.set(
        id.index(),
        new TypeDef(
            def.name(),
            t,
            def.owner(),
            text(meta.get("docs")).map(Docs::of).orElse(def.docs()),
            stability(meta.get("stability"))));
  }

  /** The record, variant, enum or flags type with docs on its fields, cases or flags. */
  private WitType withItemDocs(WitType t, JsonNode items) {
    UnaryOperator<String> doc = n -> items.has(n) ? items.get(n).asText() : null;
    return switch (t.kind()) {
      case RECORD ->
          new RecordType(
              ((RecordType) t)
                  .fields().stream()
                      .map(f -> new Field(f.name(), f.type(), Docs.of(doc.apply(f.name()))))
                      .toList());
      case VARIANT ->
          new VariantType(
              ((VariantType) t)
                  .cases().stream()
                      .map(c -> new Case(c.name(), c.type(), Docs.of(doc.apply(c.name()))))
                      .toList());
      case ENUM ->
          new EnumType(
              ((EnumType) t)
                  .cases().stream()
                      .map(c -> new Name(c.name(), Docs.of(doc.apply(c.name()))))
                      .toList());
      case FLAGS ->
          new FlagsType(
              ((FlagsType) t)
                  .flags().stream()
                      .map(c -> new Name(c.name(), Docs.of(doc.apply(c.name()))))
                      .toList());
      case BOOL,
          U8,
          U16,
          U32,
          U64,
          S8,
          S16,
          S32,
          S64,
          F32,
          F64,
          CHAR,
          STRING,
          ERROR_CONTEXT,
          LIST,
          FIXED_LIST,
          MAP,
          OPTION,
          RESULT,
          TUPLE,
          RESOURCE,
          OWN,
          BORROW,
          FUTURE,
          STREAM,
          NAMED ->
          throw bad("it gives docs to the items of a type that has none");
    };
  }

  private Function function(Function f, JsonNode meta) {
    // Version 0 wrote a function's docs as a bare string (or null); version 1 an object.
    if (meta == null || meta.isNull() || meta.isTextual()) {
      return new Function(
          f.name(),
          f.kind(),
          f.params(),
          f.result(),
          Docs.of(text(meta).orElse(null)),
          f.stability());
    }
    return new Function(
        f.name(),
        f.kind(),
        f.params(),
        f.result(),
        Docs.of(text(meta.get("docs")).orElse(null)),
        stability(meta.get("stability")));
  }

  /**
   * {@code "unknown"}, {@code {"stable": {"since": v}}} or {@code {"unstable": {"feature": f}}}.
   */
  private static Stability stability(JsonNode s) {
    if (s == null || s.isNull() || (s.isTextual() && s.asText().equals("unknown"))) {
      return Stability.UNKNOWN;
    }
    if (s.has("stable")) {
      JsonNode v = s.get("stable");
      return new Stability(Stability.Level.STABLE, text(v.get("since")), text(v.get("deprecated")));
    }
    if (s.has("unstable")) {
      JsonNode v = s.get("unstable");
      return new Stability(
          Stability.Level.UNSTABLE, text(v.get("feature")), text(v.get("deprecated")));
    }
    throw bad("expected a stability of `unknown`, `stable` or `unstable`");
  }

  private static Optional<String> text(JsonNode n) {
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isObject()) {
      throw bad("expected an object of names");
    }
    return n.properties().stream().toList();
  }

  private static <T> T need(T item, String what, String name) {
    if (item == null) {
      throw bad("it names " + what + " `" + name + "`, which the interface does not have");
    }
    return item;
  }

  private static UnsupportedComponentException bad(String problem) {
    return new UnsupportedComponentException(
        "the `package-docs` custom section is malformed: " + problem);
  }
}
