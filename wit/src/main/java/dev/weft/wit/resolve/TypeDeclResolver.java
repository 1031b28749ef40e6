package dev.weft.wit.resolve;

import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.Member;
import dev.weft.wit.ast.TypeBody;
import dev.weft.wit.ast.TypeExpr;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResourceType;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Defines the named types of one body in dependency order, so the arena stays topologically sorted
 * and a reference always points backwards. A type that depends on itself (directly or through
 * others) is reported at the reference that closes the cycle.
 */
final class TypeDeclResolver {
  private final Body body;

  TypeDeclResolver(Body body) {
    this.body = body;
  }

  /**
   * Defines {@code decls} (already filtered by gates) into the arena and the scope.
   *
   * @param gates the gate of each declaration, by index
   * @return the id of each declaration by name
   */
  Map<String, TypeId> define(List<Member.TypeDecl> decls, List<Gates.Gate> gates) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < decls.size(); i++) {
      index.put(decls.get(i).name().name(), i);
    }
    List<List<TopoSort.Edge>> deps = new ArrayList<>();
    for (Member.TypeDecl d : decls) {
      List<TopoSort.Edge> edges = new ArrayList<>();
      for (Ident ref : references(d.body())) {
        Integer to = index.get(ref.name());
        if (to != null) {
          edges.add(new TopoSort.Edge(to, ref.span()));
        }
      }
      deps.add(edges);
    }
    Set<Integer> cyclic = new HashSet<>();
    List<Integer> order =
        TopoSort.sort(
            deps,
            (from, edge) -> {
              cyclic.add(from);
              String name = decls.get(edge.to()).name().name();
              body.diags()
                  .error(
                      "WIT0105",
                      "type `" + name + "` depends on itself",
                      edge.span(),
                      "break the cycle: a type cannot contain itself, directly or through others");
            });
    Map<String, TypeId> ids = new HashMap<>();
    for (int i : order) {
      Member.TypeDecl d = decls.get(i);
      WitType def = cyclic.contains(i) ? null : definition(d);
      if (def == null) {
        body.scope().explain(d.name().name(), LocalScope.Why.QUIET);
        continue;
      }
      Gates.Gate gate = gates.get(i);
      TypeId id =
          body.arenas()
              .addType(
                  new TypeDef(
                      Optional.of(d.name().name()), def, body.owner(), d.docs(), gate.stability()));
      body.scope().defineType(d.name().name(), id, d.name().span());
      ids.put(d.name().name(), id);
    }
    return ids;
  }

  private WitType definition(Member.TypeDecl d) {
    TypeBody b = d.body();
    return switch (b.form()) {
      case ALIAS -> alias(((TypeBody.Alias) b).target());
      case RECORD -> record((TypeBody.RecordBody) b);
      case VARIANT -> variant(d.name(), (TypeBody.VariantBody) b);
      case ENUM -> {
        List<Name> cases = names(((TypeBody.EnumBody) b).cases(), "enum case");
        if (cases.isEmpty()) {
          body.diags().error("WIT0107", "empty enum", d.name().span(), "give it at least one case");
        }
        yield new EnumType(cases);
      }
      case FLAGS -> new FlagsType(names(((TypeBody.FlagsBody) b).flags(), "flag"));
      case RESOURCE -> new ResourceType();
    };
  }

  /** {@code type a = b;} is an alias of {@code b} itself, even when {@code b} is a resource. */
  private WitType alias(TypeExpr target) {
    if (target instanceof TypeExpr.Name n) {
      Optional<TypeId> id = body.scope().lookup(n.name().name());
      if (id.isPresent()) {
        return new Named(id.get());
      }
    }
    return body.types().resolve(target).orElse(null);
  }

  private WitType record(TypeBody.RecordBody r) {
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (TypeBody.FieldDecl f : r.fields()) {
      unique(f.name(), seen, "field");
      Optional<WitType> t = body.types().resolve(f.type());
      ok &= t.isPresent();
      t.ifPresent(type -> fields.add(new Field(f.name().name(), type, f.docs())));
    }
    return ok ? new RecordType(fields) : null;
  }

  private WitType variant(Ident name, TypeBody.VariantBody v) {
    if (v.cases().isEmpty()) {
      body.diags().error("WIT0107", "empty variant", name.span(), "give it at least one case");
    }
    List<Case> cases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (TypeBody.CaseDecl c : v.cases()) {
      unique(c.name(), seen, "case");
      Optional<WitType> payload = c.type().flatMap(t -> body.types().resolve(t));
      ok &= c.type().isEmpty() || payload.isPresent();
      cases.add(new Case(c.name().name(), payload, c.docs()));
    }
    return ok ? new VariantType(cases) : null;
  }

  private List<Name> names(List<TypeBody.NameDecl> decls, String what) {
    List<Name> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TypeBody.NameDecl n : decls) {
      unique(n.name(), seen, what);
      out.add(new Name(n.name().name(), n.docs()));
    }
    return out;
  }

  private void unique(Ident name, Set<String> seen, String what) {
    if (!seen.add(name.name())) {
      body.diags()
          .error(
              "WIT0108",
              what + " `" + name.name() + "` is defined more than once",
              name.span(),
              "rename or remove one of them");
    }
  }

  /** The names a declaration refers to, which must be defined before it. */
  static List<Ident> references(TypeBody b) {
    List<Ident> out = new ArrayList<>();
    switch (b.form()) {
      case ALIAS -> collect(((TypeBody.Alias) b).target(), out);
      case RECORD -> ((TypeBody.RecordBody) b).fields().forEach(f -> collect(f.type(), out));
      case VARIANT ->
          ((TypeBody.VariantBody) b).cases().forEach(c -> c.type().ifPresent(t -> collect(t, out)));
      case ENUM, FLAGS, RESOURCE -> {
        // No type references.
      }
    }
    return out;
  }

  private static void collect(TypeExpr t, List<Ident> out) {
    switch (t.form()) {
      case PRIMITIVE -> {}
      case NAME -> out.add(((TypeExpr.Name) t).name());
      case LIST -> collect(((TypeExpr.ListOf) t).element(), out);
      case MAP -> {
        collect(((TypeExpr.MapOf) t).key(), out);
        collect(((TypeExpr.MapOf) t).value(), out);
      }
      case OPTION -> collect(((TypeExpr.OptionOf) t).some(), out);
      case RESULT -> {
        ((TypeExpr.ResultOf) t).ok().ifPresent(x -> collect(x, out));
        ((TypeExpr.ResultOf) t).err().ifPresent(x -> collect(x, out));
      }
      case TUPLE -> ((TypeExpr.TupleOf) t).types().forEach(x -> collect(x, out));
      case HANDLE -> out.add(((TypeExpr.Handle) t).resource());
      case FUTURE -> ((TypeExpr.FutureOf) t).element().ifPresent(x -> collect(x, out));
      case STREAM -> ((TypeExpr.StreamOf) t).element().ifPresent(x -> collect(x, out));
    }
  }
}
