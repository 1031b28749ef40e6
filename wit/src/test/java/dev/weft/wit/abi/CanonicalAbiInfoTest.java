package dev.weft.wit.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalAbiInfoTest {
  private static WitType type(String s, AbiTestSupport.Types types) {
    return switch (s) {
      case "bool" -> Primitive.BOOL;
      case "u16" -> Primitive.U16;
      case "u32" -> Primitive.U32;
      case "f32" -> Primitive.F32;
      case "u64" -> Primitive.U64;
      case "f64" -> Primitive.F64;
      case "char" -> Primitive.CHAR;
      case "string" -> Primitive.STRING;
      case "list<u8>" -> new ListType(Primitive.U8);
      case "option<u8>" -> new OptionType(Primitive.U8);
      case "option<u64>" -> new OptionType(Primitive.U64);
      case "result<u32, f32>" ->
          new ResultType(Optional.of(Primitive.U32), Optional.of(Primitive.F32));
      case "result<f64, u8>" ->
          new ResultType(Optional.of(Primitive.F64), Optional.of(Primitive.U8));
      case "result<string>" -> new ResultType(Optional.of(Primitive.STRING), Optional.empty());
      case "tuple<u8, u32, u8>" ->
          new TupleType(List.of(Primitive.U8, Primitive.U32, Primitive.U8));
      case "flags9" -> flags(9, types);
      case "flags33" -> flags(33, types);
      default -> throw new IllegalArgumentException(s);
    };
  }

  private static WitType flags(int n, AbiTestSupport.Types types) {
    List<Name> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(Name.of("f" + i));
    }
    return types.define("f", new FlagsType(names));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bool               | 1  | 1 | i32",
        "u16                | 2  | 2 | i32",
        "u64                | 8  | 8 | i64",
        "f32                | 4  | 4 | f32",
        "char               | 4  | 4 | i32",
        "string             | 8  | 4 | i32 i32",
        "list<u8>           | 8  | 4 | i32 i32",
        "option<u8>         | 2  | 1 | i32 i32",
        "option<u64>        | 16 | 8 | i32 i64",
        "result<u32, f32>   | 8  | 4 | i32 i32",
        "result<f64, u8>    | 16 | 8 | i32 i64",
        "result<string>     | 12 | 4 | i32 i32 i32",
        "tuple<u8, u32, u8> | 12 | 4 | i32 i32 i32",
        "flags9             | 2  | 2 | i32",
        "flags33            | 8  | 4 | i32 i32",
      })
  void sizeAlignmentAndFlatteningFollowTheSpec(String type, int size, int align, String flat) {
    AbiTestSupport.Types types = new AbiTestSupport.Types();
    CanonicalAbiInfo info = CanonicalAbiInfo.of(type(type, types), types);
    assertEquals(size, info.size());
    assertEquals(align, info.align());
    assertEquals(
        flat, String.join(" ", info.flat().stream().map(c -> c.name().toLowerCase()).toList()));
  }
}
