package dev.weft.wit.resolve;

import dev.weft.wit.ast.FuncType;
import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.TypeBody;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.FunctionKind;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.Stability;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves function signatures: freestanding functions and the constructor, methods and static
 * functions of resources, which get their canonical names ({@code [method]blob.read}) and, for
 * methods, an implicit first parameter {@code self: borrow<blob>}.
 */
final class FunctionResolver {
  private final Body body;

  FunctionResolver(Body body) {
    this.body = body;
  }

  /** A freestanding function, or empty after reporting problems. */
  Optional<Function> freestanding(Ident name, FuncType type, Docs docs, Stability stability) {
    FunctionKind kind =
        new FunctionKind(FunctionKind.Form.FREESTANDING, Optional.empty(), type.async());
    return build(name.name(), name.span(), kind, List.of(), type, docs, stability);
  }

  /** A function declared inside {@code resource}, or empty after reporting problems. */
  Optional<Function> resourceFunc(
      String resourceName, TypeId resource, TypeBody.ResourceFunc f, Stability stability) {
    FuncType type = f.type();
    return switch (f.kind()) {
      case CONSTRUCTOR -> constructor(resourceName, resource, f, stability);
      case METHOD ->
          build(
              "[method]" + resourceName + "." + f.name().name(),
              f.name().span(),
              new FunctionKind(FunctionKind.Form.METHOD, Optional.of(resource), type.async()),
              List.of(new Param("self", new Borrow(resource))),
              type,
              f.docs(),
              stability);
      case STATIC ->
          build(
              "[static]" + resourceName + "." + f.name().name(),
              f.name().span(),
              new FunctionKind(FunctionKind.Form.STATIC, Optional.of(resource), type.async()),
              List.of(),
              type,
              f.docs(),
              stability);
    };
  }

  private Optional<Function> constructor(
      String resourceName, TypeId resource, TypeBody.ResourceFunc f, Stability stability) {
    FunctionKind kind =
        new FunctionKind(FunctionKind.Form.CONSTRUCTOR, Optional.of(resource), false);
    Optional<Function> built =
        build(
            "[constructor]" + resourceName,
            f.name().span(),
            kind,
            List.of(),
            f.type(),
            f.docs(),
            stability);
    if (built.isEmpty()) {
      return built;
    }
    Function fn = built.get();
    WitType own = new Own(resource);
    if (fn.result().isEmpty()) {
      return Optional.of(withResult(fn, own));
    }
    Span at = f.type().result().get().span();
    if (!(fn.result().get() instanceof ResultType r)) {
      body.diags()
          .error(
              "WIT0112",
              "if a constructor return type is declared it must be a `result`",
              at,
              "write `-> result<" + resourceName + ", error-type>`, or no result");
      return Optional.empty();
    }
    if (r.ok().isEmpty() || !r.ok().get().equals(own)) {
      body.diags()
          .error(
              "WIT0112",
              "the `ok` type must be the resource being constructed",
              at,
              "write `-> result<" + resourceName + ", error-type>`");
      return Optional.empty();
    }
    return built;
  }

  private static Function withResult(Function fn, WitType result) {
    return new Function(
        fn.name(), fn.kind(), fn.params(), Optional.of(result), fn.docs(), fn.stability());
  }

  private Optional<Function> build(
      String name,
      Span nameSpan,
      FunctionKind kind,
      List<Param> implicit,
      FuncType type,
      Docs docs,
      Stability stability) {
    List<Param> params = new ArrayList<>(implicit);
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (FuncType.Param p : type.params()) {
      if (!seen.add(p.name().name())) {
        body.diags()
            .error(
                "WIT0109",
                "param `" + p.name().name() + "` is defined more than once",
                p.name().span(),
                "give each parameter its own name");
        ok = false;
      }
      Optional<WitType> t = body.types().resolve(p.type());
      ok &= t.isPresent();
      t.ifPresent(x -> params.add(new Param(p.name().name(), x)));
    }
    Optional<WitType> result = Optional.empty();
    if (type.result().isPresent()) {
      result = body.types().resolve(type.result().get());
      ok &= result.isPresent();
      if (result.isPresent() && new BorrowFinder(body.arenas()).contains(result.get())) {
        body.diags()
            .error(
                "WIT0110",
                "function `" + name + "` returns a type which contains a `borrow<T>`",
                type.result().get().span(),
                "return `own<T>` (or the bare resource name) instead: a borrow cannot outlive the"
                    + " call");
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new Function(name, kind, params, result, docs, stability));
  }
}
