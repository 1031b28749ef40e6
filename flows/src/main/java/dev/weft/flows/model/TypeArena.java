package dev.weft.flows.model;

import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResourceType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A type table built from types of several other tables: each imported type is copied with its
 * named definitions, whose ids are rewritten into this arena (each definition once per source
 * table). Used where one type mixes types of several components, such as the output record of a
 * flow that another flow calls. Not thread-safe while importing; read-only use afterwards is.
 */
public final class TypeArena implements TypeTable {
  private final List<TypeDef> defs = new ArrayList<>();
  private final Map<TypeTable, Map<TypeId, TypeId>> imported = new IdentityHashMap<>();

  @Override
  public TypeDef type(TypeId id) {
    if (id.index() >= defs.size() || defs.get(id.index()) == null) {
      throw new IllegalArgumentException("no type " + id.index() + " in this arena");
    }
    return defs.get(id.index());
  }

  /** {@code typed} as a type of this arena. */
  public WitType add(Typed typed) {
    return copy(typed.type(), typed.table());
  }

  private WitType copy(WitType t, TypeTable from) {
    return switch (t.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT ->
          (Primitive) t;
      case LIST -> new ListType(copy(((ListType) t).element(), from));
      case FIXED_LIST -> new FixedListType(copy(((FixedListType) t).element(), from), ((FixedListType) t).size());
      case MAP -> new MapType(copy(((MapType) t).key(), from), copy(((MapType) t).value(), from));
      case OPTION -> new OptionType(copy(((OptionType) t).some(), from));
      case RESULT -> new ResultType(
          ((ResultType) t).ok().map(x -> copy(x, from)), ((ResultType) t).err().map(x -> copy(x, from)));
      case TUPLE -> new TupleType(((TupleType) t).types().stream().map(x -> copy(x, from)).toList());
      case RECORD -> new RecordType(((RecordType) t).fields().stream()
          .map(f -> new Field(f.name(), copy(f.type(), from), f.docs())).toList());
      case VARIANT -> new VariantType(((VariantType) t).cases().stream()
          .map(c -> new Case(c.name(), c.type().map(x -> copy(x, from)), c.docs())).toList());
      case ENUM, FLAGS, RESOURCE -> t; // no types inside
      case OWN -> new Own(id(((Own) t).resource(), from));
      case BORROW -> new Borrow(id(((Borrow) t).resource(), from));
      case FUTURE -> new FutureType(((FutureType) t).element().map(x -> copy(x, from)));
      case STREAM -> new StreamType(((StreamType) t).element().map(x -> copy(x, from)));
      case NAMED -> new Named(id(((Named) t).id(), from));
    };
  }

  private TypeId id(TypeId id, TypeTable from) {
    if (from == this) {
      return id;
    }
    Map<TypeId, TypeId> ids = imported.computeIfAbsent(from, k -> new HashMap<>());
    TypeId done = ids.get(id);
    if (done != null) {
      return done;
    }
    TypeId mine = new TypeId(defs.size());
    defs.add(null); // reserved first: WIT types are acyclic, but a definition is copied only once
    ids.put(id, mine);
    TypeDef def = from.type(id);
    defs.set(mine.index(), new TypeDef(def.name(), copy(def.definition(), from),
        dev.weft.wit.model.TypeOwner.NONE, def.docs(), def.stability()));
    return mine;
  }
}
