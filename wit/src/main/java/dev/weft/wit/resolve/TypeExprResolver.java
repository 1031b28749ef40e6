package dev.weft.wit.resolve;

import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.TypeExpr;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Suggestions;
import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeScope;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a type expression into a {@link WitType} against a {@link TypeScope}. Anonymous types
 * become structural values; names become {@link Named} references, or {@link Own} handles when they
 * name a resource (a bare resource name means {@code own<R>}, WIT.md "Handles").
 *
 * <p>{@code map<K, V>} is a {@link MapType}; its key must be a primitive other than a float.
 */
public final class TypeExprResolver {
  /** Spellings from older WIT that users still write, and what to write now. */
  private static final Map<String, String> RENAMED = Map.of("float32", "f32", "float64", "f64");

  private final TypeScope scope;
  private final Diagnostics diags;

  public TypeExprResolver(TypeScope scope, Diagnostics diags) {
    this.scope = scope;
    this.diags = diags;
  }

  /** The type, or empty after reporting why it does not resolve. */
  public Optional<WitType> resolve(TypeExpr expr) {
    return Optional.ofNullable(type(expr));
  }

  private WitType type(TypeExpr expr) {
    return switch (expr.form()) {
      case PRIMITIVE -> ((TypeExpr.Prim) expr).type();
      case NAME -> name(((TypeExpr.Name) expr).name());
      case LIST -> list((TypeExpr.ListOf) expr);
      case MAP -> map((TypeExpr.MapOf) expr);
      case OPTION -> {
        WitType some = type(((TypeExpr.OptionOf) expr).some());
        yield some == null ? null : new OptionType(some);
      }
      case RESULT -> result((TypeExpr.ResultOf) expr);
      case TUPLE -> tuple((TypeExpr.TupleOf) expr);
      case HANDLE -> handle((TypeExpr.Handle) expr);
      case FUTURE -> {
        Optional<TypeExpr> e = ((TypeExpr.FutureOf) expr).element();
        WitType t = e.map(this::type).orElse(null);
        yield e.isPresent() && t == null ? null : new FutureType(Optional.ofNullable(t));
      }
      case STREAM -> {
        Optional<TypeExpr> e = ((TypeExpr.StreamOf) expr).element();
        WitType t = e.map(this::type).orElse(null);
        yield e.isPresent() && t == null ? null : new StreamType(Optional.ofNullable(t));
      }
    };
  }

  private WitType name(Ident name) {
    Optional<TypeId> id = scope.lookup(name.name());
    if (id.isEmpty() && scope instanceof LocalScope local) {
      Optional<LocalScope.Why> why = local.explanation(name.name());
      if (why.isPresent()) {
        if (why.get() != LocalScope.Why.QUIET) {
          diags.error(why.get().code(), why.get().message(), name.span());
        }
        return null;
      }
    }
    if (id.isEmpty()) {
      String help =
          RENAMED.containsKey(name.name())
              ? "write `" + RENAMED.get(name.name()) + "`"
              : didYouMean(name.name());
      diags.error("WIT0102", "type `" + name.name() + "` does not exist", name.span(), help);
      return null;
    }
    return isResource(id.get()) ? new Own(id.get()) : new Named(id.get());
  }

  /** "did you mean `x`?", saying where {@code x} is defined when the scope knows. */
  private String didYouMean(String name) {
    Optional<String> close = Suggestions.closest(name, candidates());
    if (close.isEmpty()) {
      return null;
    }
    String where = scope instanceof LocalScope local ? local.whereDefined(close.get()) : "";
    return "did you mean `" + close.get() + "`?" + where;
  }

  /** The names in scope plus the built-in type names, for "did you mean". */
  private List<String> candidates() {
    List<String> names = new ArrayList<>(scope.names());
    for (Primitive p : Primitive.values()) {
      names.add(p.witName());
    }
    return names;
  }

  private boolean isResource(TypeId id) {
    return scope.table().unalias(new Named(id)).kind() == Kind.RESOURCE;
  }

  private WitType list(TypeExpr.ListOf list) {
    WitType element = type(list.element());
    if (element == null) {
      return null;
    }
    return list.size().isPresent()
        ? new FixedListType(element, list.size().getAsInt())
        : new ListType(element);
  }

  private WitType map(TypeExpr.MapOf map) {
    WitType key = type(map.key());
    WitType value = type(map.value());
    if (key == null || value == null) {
      return null;
    }
    if (!isMapKey(key)) {
      diags.error(
          "WIT0104",
          "invalid map key type",
          map.key().span(),
          "map keys are bool, u8, u16, u32, u64, s8, s16, s32, s64, char or string");
      return null;
    }
    return new MapType(key, value);
  }

  private static boolean isMapKey(WitType key) {
    return key instanceof Primitive p
        && p != Primitive.F32
        && p != Primitive.F64
        && p != Primitive.ERROR_CONTEXT;
  }

  private WitType result(TypeExpr.ResultOf r) {
    WitType ok = r.ok().map(this::type).orElse(null);
    WitType err = r.err().map(this::type).orElse(null);
    if ((r.ok().isPresent() && ok == null) || (r.err().isPresent() && err == null)) {
      return null;
    }
    return new ResultType(Optional.ofNullable(ok), Optional.ofNullable(err));
  }

  private WitType tuple(TypeExpr.TupleOf tuple) {
    List<WitType> types = new ArrayList<>();
    boolean ok = true;
    for (TypeExpr e : tuple.types()) {
      WitType t = type(e);
      ok &= t != null;
      types.add(t);
    }
    return ok ? new TupleType(types) : null;
  }

  private WitType handle(TypeExpr.Handle h) {
    Optional<TypeId> id = scope.lookup(h.resource().name());
    if (id.isEmpty()) {
      diags.error(
          "WIT0102",
          "type `" + h.resource().name() + "` does not exist",
          h.resource().span(),
          Suggestions.didYouMean(h.resource().name(), scope.names()).orElse(null));
      return null;
    }
    if (!isResource(id.get())) {
      diags.error(
          "WIT0103",
          "type `" + h.resource().name() + "` used in a handle must be a resource",
          h.resource().span(),
          "`own` and `borrow` take a resource type; declare it with `resource "
              + h.resource().name()
              + ";`");
      return null;
    }
    return h.borrow() ? new Borrow(id.get()) : new Own(id.get());
  }
}
