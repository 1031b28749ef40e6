package dev.weft.wit.decode;

import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns validator types ({@link Ty}) into WIT types: a type some import or export has named becomes
 * a reference to that named definition, anything else is written out structurally.
 */
final class TypeConverter {
  private final DecodeArenas arenas;

  /** Which named WIT type each component type (by identity) became. */
  private final Map<Ty, TypeId> named;

  TypeConverter(DecodeArenas arenas, Map<Ty, TypeId> identityMap) {
    this.arenas = arenas;
    this.named = identityMap;
  }

  /**
   * Records that {@code t} is the WIT type {@code id}.
   *
   * @return false when {@code t} already stands for another WIT type
   */
  boolean map(Ty t, TypeId id) {
    TypeId prev = named.putIfAbsent(t, id);
    return prev == null || prev.equals(id);
  }

  /** The named WIT type {@code t} (or a type it aliases) became, if any. */
  Optional<TypeId> find(Ty t) {
    Ty cur = t;
    while (true) {
      TypeId id = named.get(cur);
      if (id != null) {
        return Optional.of(id);
      }
      if (!(cur instanceof Ty.Alias a)) {
        return Optional.empty();
      }
      cur = a.target;
    }
  }

  /** Follows WIT aliases ({@code use}, {@code type a = b}) to the definition. */
  TypeId unalias(TypeId id) {
    TypeId cur = id;
    while (arenas.types.get(cur.index()).definition() instanceof Named n) {
      cur = n.id();
    }
    return cur;
  }

  /** The type of a parameter, result, field or case, {@code where} naming it for errors. */
  WitType valType(Ty t, String where) {
    Optional<TypeId> id = find(t);
    if (id.isPresent()) {
      return new Named(id.get());
    }
    Ty def = Ty.peel(t);
    if (def instanceof Ty.Prim p) {
      return p.type;
    }
    if (def instanceof Ty.Defined d) {
      switch (d.kind) {
        case RECORD, VARIANT, ENUM, FLAGS ->
            throw new UnsupportedComponentException(
                where
                    + " uses a "
                    + d.kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " type that no import or export names; WIT gives every record, variant,"
                    + " enum and flags type a name");
        case PRIM, LIST, FIXED_LIST, TUPLE, OPTION, RESULT, OWN, BORROW, STREAM, FUTURE, MAP -> {
          return definition(d, where);
        }
      }
    }
    throw new UnsupportedComponentException(where + " uses a type that is not a value type");
  }

  /** The WIT definition of a primitive or defined type (after aliases). */
  WitType definition(Ty def, String where) {
    if (def instanceof Ty.Prim p) {
      return p.type;
    }
    Ty.Defined d = (Ty.Defined) def;
    return switch (d.kind) {
      case RECORD -> {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < d.labels.size(); i++) {
          fields.add(Field.of(d.labels.get(i), valType(d.type(i), where)));
        }
        yield new RecordType(fields);
      }
      case VARIANT -> {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < d.labels.size(); i++) {
          cases.add(
              Case.of(d.labels.get(i), d.types.get(i).map(t -> valType(t, where)).orElse(null)));
        }
        yield new VariantType(cases);
      }
      case ENUM -> new EnumType(d.labels.stream().map(Name::of).toList());
      case FLAGS -> new FlagsType(d.labels.stream().map(Name::of).toList());
      case LIST -> new ListType(valType(d.type(0), where));
      case FIXED_LIST -> new FixedListType(valType(d.type(0), where), d.length);
      case TUPLE ->
          new TupleType(d.types.stream().map(t -> valType(t.orElseThrow(), where)).toList());
      case OPTION -> new OptionType(valType(d.type(0), where));
      case RESULT ->
          new ResultType(
              d.types.get(0).map(t -> valType(t, where)),
              d.types.get(1).map(t -> valType(t, where)));
      case OWN -> new Own(handle(d.type(0), where));
      case BORROW -> new Borrow(handle(d.type(0), where));
      case STREAM -> new StreamType(d.types.get(0).map(t -> valType(t, where)));
      case FUTURE -> new FutureType(d.types.get(0).map(t -> valType(t, where)));
      case MAP -> new MapType(valType(d.type(0), where), valType(d.type(1), where));
      case PRIM -> throw new IllegalStateException("primitive definitions are Ty.Prim");
    };
  }

  private TypeId handle(Ty resource, String where) {
    // The handle keeps the name it was written with (an alias such as `io-error`), as the text
    // front end does; consumers unalias it.
    return find(resource)
        .orElseThrow(
            () ->
                new UnsupportedComponentException(
                    where + " takes a handle to a resource that no import or export names"));
  }
}
