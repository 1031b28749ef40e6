package dev.weft.flows;

import dev.weft.flows.ast.ComponentDecl;
import dev.weft.flows.check.ComponentCatalog;
import dev.weft.flows.check.ComponentSignature;
import dev.weft.wit.Wit;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signatures of two components for flow tests, keyed by the file name a flow gives: {@code
 * greet.wasm} (the example component's real WIT) and {@code shop.wasm} (records, lists, options).
 * The flow language only ever sees signatures; loading binaries is the engine's job and is tested
 * there.
 */
final class TestCatalog implements ComponentCatalog {
  private static final Map<String, ComponentSignature> SIGNATURES = new LinkedHashMap<>();

  static {
    Resolve none = new Resolve(List.of(), List.of(), List.of(), List.of());
    Map<String, Function> greet = new LinkedHashMap<>();
    greet.put("greet", fn("greet", "string", "name", "string"));
    greet.put("shout", fn("shout", "string", "text", "string"));
    greet.put("count-chars", fn("count-chars", "u32", "text", "string"));
    SIGNATURES.put("greet.wasm", new ComponentSignature(none, greet));

    TypeDef order =
        TypeDef.named(
            "order",
            new RecordType(
                List.of(
                    Field.of("id", Wit.parseType("u64")),
                    Field.of("items", Wit.parseType("list<string>")),
                    Field.of("total", Wit.parseType("f64")))));
    Resolve shopTypes = new Resolve(List.of(), List.of(), List.of(), List.of(order));
    WitType orderRef = new Named(new TypeId(0));
    Map<String, Function> shop = new LinkedHashMap<>();
    String iface = "weft:shop/orders@1.0.0#";
    shop.put(iface + "make-order", Function.of("make-order",
        List.of(new Param("id", Wit.parseType("u64")), new Param("items", Wit.parseType("list<string>"))),
        Optional.of(orderRef)));
    shop.put(iface + "total", Function.of("total", List.of(new Param("o", orderRef)),
        Optional.of(Wit.parseType("f64"))));
    shop.put(iface + "describe", Function.of("describe",
        List.of(new Param("o", orderRef), new Param("note", Wit.parseType("option<string>"))),
        Optional.of(Wit.parseType("string"))));
    shop.put(iface + "audit", Function.of("audit", List.of(new Param("o", orderRef)), Optional.empty()));
    SIGNATURES.put("shop.wasm", new ComponentSignature(shopTypes, shop));
  }

  private static Function fn(String name, String result, String param, String type) {
    return Function.of(name, List.of(new Param(param, Wit.parseType(type))),
        Optional.of(Wit.parseType(result)));
  }

  @Override
  public Optional<ComponentSignature> signature(ComponentDecl decl, Path wasm, Diagnostics diags) {
    ComponentSignature s = SIGNATURES.get(wasm.getFileName().toString());
    if (s == null) {
      diags.error("FLOW0102", "component file `" + decl.wasm().name() + "` not found",
          decl.wasm().span());
    }
    return Optional.ofNullable(s);
  }
}
