package dev.weft.wit.print;

import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Prints the inside of an interface (or the types of a world): {@code use}s first, grouped by the
 * interface they come from, then type definitions with resource functions inside their resource,
 * then freestanding functions.
 */
final class BodyPrinter {
  private final Resolve resolve;
  private final Out out;
  private final Optional<PackageId> current;
  private final TypeText types;

  BodyPrinter(Resolve resolve, Out out, Optional<PackageId> current) {
    this.resolve = resolve;
    this.out = out;
    this.current = current;
    this.types = new TypeText(resolve);
  }

  void body(Collection<TypeId> typeIds, Collection<Function> functions) {
    List<TypeId> defs = new ArrayList<>();
    List<TypeId> uses = new ArrayList<>();
    for (TypeId id : typeIds) {
      (usedFrom(id).isPresent() ? uses : defs).add(id);
    }
    uses(uses);
    for (TypeId id : defs) {
      out.blank();
      typeDef(id, functions);
    }
    boolean first = true;
    for (Function f : functions) {
      if (f.kind().resource().isEmpty()) {
        if (first) {
          out.blank();
          first = false;
        }
        out.docs(f.docs());
        out.gate(f.stability());
        out.line(Out.id(f.name()) + ": " + funcType(f, 0) + ";");
      }
    }
  }

  /** The interface a {@code use}-made alias points into, if {@code id} is one. */
  Optional<InterfaceId> usedFrom(TypeId id) {
    TypeDef def = resolve.type(id);
    if (def.definition() instanceof Named n) {
      TypeDef target = resolve.type(n.id());
      if (!target.owner().equals(def.owner())) {
        return target.owner().iface();
      }
    }
    return Optional.empty();
  }

  private void uses(List<TypeId> ids) {
    int i = 0;
    while (i < ids.size()) {
      InterfaceId from = usedFrom(ids.get(i)).orElseThrow();
      var stability = resolve.type(ids.get(i)).stability();
      StringJoiner names = new StringJoiner(", ");
      while (i < ids.size()
          && usedFrom(ids.get(i)).orElseThrow().equals(from)
          && resolve.type(ids.get(i)).stability().equals(stability)) {
        TypeDef alias = resolve.type(ids.get(i));
        String original = resolve.type(((Named) alias.definition()).id()).name().orElseThrow();
        String local = alias.name().orElseThrow();
        names.add(
            original.equals(local) ? Out.id(local) : Out.id(original) + " as " + Out.id(local));
        i++;
      }
      out.gate(stability);
      out.line("use " + path(from) + ".{" + names + "};");
    }
  }

  /** How this body names an interface: by its name in the same package, else by full path. */
  String path(InterfaceId id) {
    Interface i = resolve.iface(id);
    String name = Out.id(i.name().orElseThrow());
    if (i.pkg().equals(current) || i.pkg().isEmpty()) {
      return name;
    }
    PackageName p = resolve.pkg(i.pkg().orElseThrow()).name();
    return Out.id(p.namespace())
        + ":"
        + Out.id(p.name())
        + "/"
        + name
        + p.version().map(v -> "@" + v).orElse("");
  }

  private void typeDef(TypeId id, Collection<Function> functions) {
    TypeDef def = resolve.type(id);
    String name = Out.id(def.name().orElseThrow());
    out.docs(def.docs());
    out.gate(def.stability());
    WitType t = def.definition();
    switch (t.kind()) {
      case RECORD -> {
        out.open("record " + name);
        for (Field f : ((RecordType) t).fields()) {
          out.docs(f.docs());
          out.line(Out.id(f.name()) + ": " + types.of(f.type()) + ",");
        }
        out.close();
      }
      case VARIANT -> {
        out.open("variant " + name);
        for (Case c : ((VariantType) t).cases()) {
          out.docs(c.docs());
          out.line(Out.id(c.name()) + c.type().map(p -> "(" + types.of(p) + ")").orElse("") + ",");
        }
        out.close();
      }
      case ENUM -> names("enum " + name, ((EnumType) t).cases());
      case FLAGS -> names("flags " + name, ((FlagsType) t).flags());
      case RESOURCE -> resource(id, name, functions);
      // `type a = own<r>` must not print as `type a = r`, which would alias `r` itself.
      case OWN -> out.line("type " + name + " = own<" + types.name(((Own) t).resource()) + ">;");
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
          BORROW,
          FUTURE,
          STREAM,
          NAMED ->
          out.line("type " + name + " = " + types.of(t) + ";");
    }
  }

  private void names(String header, List<Name> names) {
    out.open(header);
    for (Name n : names) {
      out.docs(n.docs());
      out.line(Out.id(n.name()) + ",");
    }
    out.close();
  }

  private void resource(TypeId id, String name, Collection<Function> functions) {
    List<Function> own = new ArrayList<>();
    for (Function f : functions) {
      if (f.kind().resource().equals(Optional.of(id))) {
        own.add(f);
      }
    }
    if (own.isEmpty()) {
      out.line("resource " + name + ";");
      return;
    }
    out.open("resource " + name);
    for (Function f : own) {
      out.docs(f.docs());
      out.gate(f.stability());
      out.line(resourceFunc(f, id));
    }
    out.close();
  }

  private String resourceFunc(Function f, TypeId resource) {
    String local = f.name().substring(f.name().indexOf('.') + 1);
    return switch (f.kind().form()) {
      case CONSTRUCTOR -> {
        boolean plain = f.result().map(r -> r.equals(new Own(resource))).orElse(true);
        yield "constructor"
            + params(f, 0)
            + (plain ? "" : " -> " + types.of(f.result().get()))
            + ";";
      }
      case METHOD -> Out.id(local) + ": " + funcType(f, 1) + ";";
      case STATIC -> Out.id(local) + ": static " + funcType(f, 0) + ";";
      case FREESTANDING -> throw new IllegalStateException("not a resource function");
    };
  }

  /** {@code async? func(params) -> result}, skipping {@code skip} implicit parameters. */
  String funcType(Function f, int skip) {
    String result = f.result().map(r -> " -> " + types.of(r)).orElse("");
    return (f.kind().async() ? "async " : "") + "func" + params(f, skip) + result;
  }

  private String params(Function f, int skip) {
    StringJoiner j = new StringJoiner(", ", "(", ")");
    List<Param> ps = f.params();
    for (int i = skip; i < ps.size(); i++) {
      j.add(Out.id(ps.get(i).name()) + ": " + types.of(ps.get(i).type()));
    }
    return j.toString();
  }
}
