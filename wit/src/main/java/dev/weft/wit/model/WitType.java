package dev.weft.wit.model;

/**
 * A WIT type. Primitives are the constants of {@link Primitive}; compound types are records. A
 * reference to a named type definition (a record, a variant, an alias...) is {@link Named}, to be
 * looked up in the {@link TypeTable} the type came from.
 *
 * <p>Types are immutable values with structural equality.
 */
public sealed interface WitType
    permits Primitive,
        ListType,
        FixedListType,
        MapType,
        OptionType,
        ResultType,
        TupleType,
        RecordType,
        VariantType,
        EnumType,
        FlagsType,
        ResourceType,
        Own,
        Borrow,
        FutureType,
        StreamType,
        Named {

  /** The kind of this type, for exhaustive switches. */
  Kind kind();
}
