package dev.weft.wit.resolve;

import dev.weft.wit.ast.Attribute;
import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.Member;
import dev.weft.wit.ast.TypeBody;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the members of one interface body (a named interface, or one written inline in a world):
 * gates first, then uses, then types in dependency order, then functions, so every function sees
 * every type. Names of types and functions share one namespace.
 */
final class InterfaceResolver {
  /** The message for a reference to an item a feature gate left out. */
  static final String EXCLUDED =
      "found a reference to a %s which is excluded due to its feature not being activated";

  private final Body body;

  InterfaceResolver(Body body) {
    this.body = body;
  }

  /** The resolved types (by name, arena order) and functions (by canonical name). */
  record Result(Map<String, TypeId> types, Map<String, Function> functions) {}

  Result resolve(List<Member> members) {
    new NameCheck(body.diags()).members(members);
    List<Member.UseDecl> uses = new ArrayList<>();
    List<Member.TypeDecl> typeDecls = new ArrayList<>();
    List<Gates.Gate> typeGates = new ArrayList<>();
    List<Member.FuncDecl> funcs = new ArrayList<>();
    for (Member m : members) {
      switch (m.form()) {
        case USE -> {
          Member.UseDecl u = (Member.UseDecl) m;
          if (gate(u.attributes()).included()) {
            uses.add(u);
          } else {
            u.names().forEach(n -> exclude(n.localName(), "type"));
          }
        }
        case TYPE -> {
          Member.TypeDecl t = (Member.TypeDecl) m;
          Gates.Gate g = gate(t.attributes());
          if (g.included()) {
            typeDecls.add(t);
            typeGates.add(g);
          } else {
            exclude(t.name(), "type");
            ungatedFunctions(t);
          }
        }
        case FUNC -> {
          Member.FuncDecl f = (Member.FuncDecl) m;
          body.scope()
              .explain(
                  f.name().name(),
                  new LocalScope.Why(
                      "WIT0115", "cannot use function `" + f.name().name() + "` as a type"));
          funcs.add(f);
        }
      }
    }
    new UseResolver(body).resolve(uses);
    Map<String, TypeId> declared = new TypeDeclResolver(body).define(typeDecls, typeGates);
    Map<String, Function> functions = new LinkedHashMap<>();
    for (Member m : members) {
      if (m instanceof Member.FuncDecl f) {
        Gates.Gate g = gate(f.attributes());
        if (g.included()) {
          new FunctionResolver(body)
              .freestanding(f.name(), f.type(), f.docs(), g.stability())
              .ifPresent(fn -> functions.put(fn.name(), fn));
        }
      } else if (m instanceof Member.TypeDecl t
          && t.body() instanceof TypeBody.ResourceBody r
          && declared.containsKey(t.name().name())) {
        resourceFunctions(t.name().name(), declared.get(t.name().name()), r, functions);
      }
    }
    return new Result(new LinkedHashMap<>(body.scope().types()), functions);
  }

  /** Adds the included functions of a resource to {@code out}. */
  void resourceFunctions(
      String name, TypeId resource, TypeBody.ResourceBody r, Map<String, Function> out) {
    for (TypeBody.ResourceFunc f : r.funcs()) {
      Gates.Gate g = gate(f.attributes());
      if (g.included()) {
        new FunctionResolver(body)
            .resourceFunc(name, resource, f, g.stability())
            .ifPresent(fn -> out.put(fn.name(), fn));
      }
    }
  }

  /** The functions of a gated-out resource must be gated too (see bad-gate3 in wit-parser). */
  private void ungatedFunctions(Member.TypeDecl t) {
    if (t.body() instanceof TypeBody.ResourceBody r) {
      for (TypeBody.ResourceFunc f : r.funcs()) {
        if (gate(f.attributes()).included()) {
          body.diags()
              .error(
                  "WIT0120",
                  "function `"
                      + f.name().name()
                      + "` is not gated by a feature but its resource `"
                      + t.name().name()
                      + "` is",
                  f.name().span(),
                  "gate the function with the same `@unstable` feature as its resource");
        }
      }
    }
  }

  private Gates.Gate gate(List<Attribute> attributes) {
    return body.gates().of(attributes, body.pkg());
  }

  private void exclude(Ident name, String what) {
    body.scope().explain(name.name(), new LocalScope.Why("WIT0106", String.format(EXCLUDED, what)));
    body.arenas().excluded(body.owner(), name.name());
  }
}
