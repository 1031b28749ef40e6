package dev.weft.wit.model;

import java.util.function.UnaryOperator;

/**
 * Rewrites the type references inside a type: the one fold behind copying types from one place of
 * a {@link Resolve} to another (an {@code include} copying a world's types, a decoded world's
 * functions pointing at the {@code use}s made for them).
 */
public final class TypeRefs {
  private TypeRefs() {}

  /**
   * {@code t} with every {@link Named}, {@link Own} and {@link Borrow} reference, at any depth,
   * replaced by {@code id.apply(reference)}; the rest of its structure, docs included, unchanged.
   */
  // Casts are safe: kind() names the record type.
  public static WitType rename(WitType t, UnaryOperator<TypeId> id) {
    return switch (t.kind()) {
      case NAMED -> new Named(id.apply(((Named) t).id()));
      case OWN -> new Own(id.apply(((Own) t).resource()));
      case BORROW -> new Borrow(id.apply(((Borrow) t).resource()));
      case LIST -> new ListType(rename(((ListType) t).element(), id));
      case FIXED_LIST ->
          new FixedListType(rename(((FixedListType) t).element(), id), ((FixedListType) t).size());
      case MAP -> new MapType(rename(((MapType) t).key(), id), rename(((MapType) t).value(), id));
      case OPTION -> new OptionType(rename(((OptionType) t).some(), id));
      case RESULT ->
          new ResultType(
              ((ResultType) t).ok().map(x -> rename(x, id)),
              ((ResultType) t).err().map(x -> rename(x, id)));
      case TUPLE ->
          new TupleType(((TupleType) t).types().stream().map(x -> rename(x, id)).toList());
      case RECORD ->
          new RecordType(
              ((RecordType) t)
                  .fields().stream()
                      .map(f -> new Field(f.name(), rename(f.type(), id), f.docs()))
                      .toList());
      case VARIANT ->
          new VariantType(
              ((VariantType) t)
                  .cases().stream()
                      .map(c -> new Case(c.name(), c.type().map(x -> rename(x, id)), c.docs()))
                      .toList());
      case FUTURE -> new FutureType(((FutureType) t).element().map(x -> rename(x, id)));
      case STREAM -> new StreamType(((StreamType) t).element().map(x -> rename(x, id)));
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT, ENUM,
          FLAGS, RESOURCE ->
          t;
    };
  }
}
