package dev.weft.wit.resolve;

import dev.weft.wit.model.Case;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;

/**
 * Whether a type contains a {@code borrow<T>} anywhere. Named types answer from the flag the arena
 * computed when they were added, so this only walks anonymous structure (at most {@code
 * MAX_TYPE_DEPTH} deep).
 */
final class BorrowFinder {
  private final ResolveBuilder table;

  BorrowFinder(ResolveBuilder table) {
    this.table = table;
  }

  boolean contains(WitType t) {
    return switch (t.kind()) {
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
          ENUM,
          FLAGS,
          RESOURCE,
          OWN ->
          false;
      case BORROW -> true;
      // A future or stream delivers its values later, so borrows inside are judged elsewhere.
      case FUTURE -> ((FutureType) t).element().map(this::contains).orElse(false);
      case STREAM -> ((StreamType) t).element().map(this::contains).orElse(false);
      case LIST -> contains(((ListType) t).element());
      case MAP -> contains(((MapType) t).key()) || contains(((MapType) t).value());
      case FIXED_LIST -> contains(((FixedListType) t).element());
      case OPTION -> contains(((OptionType) t).some());
      case RESULT ->
          ((ResultType) t).ok().map(this::contains).orElse(false)
              || ((ResultType) t).err().map(this::contains).orElse(false);
      case TUPLE -> ((TupleType) t).types().stream().anyMatch(this::contains);
      case RECORD -> ((RecordType) t).fields().stream().map(Field::type).anyMatch(this::contains);
      case VARIANT ->
          ((VariantType) t)
              .cases().stream().map(Case::type).anyMatch(p -> p.map(this::contains).orElse(false));
      case NAMED -> table.hasBorrow(((Named) t).id());
    };
  }
}
