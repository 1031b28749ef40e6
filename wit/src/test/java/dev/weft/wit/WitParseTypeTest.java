package dev.weft.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeScope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WitParseTypeTest {
  @Test
  void builtInTypesParse() {
    assertEquals(Primitive.STRING, Wit.parseType("string"));
    assertEquals(new ListType(Primitive.U32), Wit.parseType("list<u32>"));
    assertEquals(
        new OptionType(new TupleType(List.of(Primitive.STRING, Primitive.S64))),
        Wit.parseType("option<tuple<string, s64>>"));
    assertEquals(
        new ResultType(Optional.of(Primitive.STRING), Optional.of(Primitive.STRING)),
        Wit.parseType("result<string, string>"));
    assertEquals(
        new ResultType(Optional.empty(), Optional.of(Primitive.U8)),
        Wit.parseType(" result<_, u8> "));
  }

  @Test
  void errorsPointIntoTheCallersFile() {
    SourceMap map = new SourceMap();
    String yaml = "input:\n  name: list<strng>\n";
    int base = map.add("flows/greet.yaml", yaml);
    int at = yaml.indexOf("list<");
    WitException e =
        assertThrows(
            WitException.class,
            () -> Wit.parseType("list<strng>", map, base + at, TypeScope.EMPTY));
    assertEquals(
        "error[WIT0102]: type `strng` does not exist\n"
            + " --> flows/greet.yaml:2:14\n"
            + "  |\n"
            + "2 |   name: list<strng>\n"
            + "  |              ^^^^^\n"
            + "  = help: did you mean `string`?\n",
        e.getMessage());
  }

  @Test
  void namedTypesResolveThroughTheScope() {
    TypeDef order = TypeDef.named("order", new RecordType(List.of()));
    TypeScope scope =
        TypeScope.of(
            n -> n.equals("order") ? Optional.of(new TypeId(0)) : Optional.empty(),
            List.of("order"),
            id -> order);
    Diagnostics diags = new Diagnostics();
    assertEquals(
        Optional.of(new ListType(new Named(new TypeId(0)))),
        Wit.parseType("list<order>", 0, scope, diags));
    assertEquals(Optional.empty(), Wit.parseType("list<ordr>", 0, scope, diags));
    assertEquals("did you mean `order`?", diags.all().get(0).help().orElseThrow());
  }

  @Test
  void syntaxErrorsSayWhatToWrite() {
    WitException e = assertThrows(WitException.class, () -> Wit.parseType("list<u32"));
    assertEquals(
        "error[WIT0010]: expected `>`, found end of input\n"
            + " --> <type>:1:9\n"
            + "  |\n"
            + "1 | list<u32\n"
            + "  |         ^\n"
            + "  = help: close the list with `>`\n",
        e.getMessage());
    assertThrows(WitException.class, () -> Wit.parseType("u32 u32"));
    assertThrows(WitException.class, () -> Wit.parseType(""));
    assertThrows(WitException.class, () -> Wit.parseType("list<".repeat(200)));
  }
}
