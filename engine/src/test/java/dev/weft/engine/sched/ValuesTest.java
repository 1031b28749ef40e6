package dev.weft.engine.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.EngineException;
import dev.weft.flows.model.Binding;
import dev.weft.flows.model.Step;
import dev.weft.flows.model.TypeTables;
import dev.weft.flows.model.Typed;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Template text: every scalar writes as its JSON mapping does, without quotes. */
class ValuesTest {
  private static Typed typed(Primitive p) {
    return new Typed(p, TypeTables.EMPTY);
  }

  /** What the JSON mapping writes for {@code v}, unquoted: the rule templates follow. */
  private static String json(WitValue v, Primitive p) {
    JsonNode n = ValueJson.toJson(v, p, TypeTables.EMPTY);
    return n.isTextual() ? n.asText() : n.toString();
  }

  @Test
  void scalarsWriteAsTheirJsonMappingWithoutQuotes() {
    record Case(WitValue value, Primitive type) {}
    List<Case> cases = List.of(
        new Case(WitValue.Bool.TRUE, Primitive.BOOL), new Case(WitValue.Bool.FALSE, Primitive.BOOL),
        new Case(new WitValue.U8(255), Primitive.U8), new Case(new WitValue.U16(65535), Primitive.U16),
        new Case(new WitValue.U32(4294967295L), Primitive.U32), new Case(new WitValue.U64(-1), Primitive.U64),
        new Case(new WitValue.U64(42), Primitive.U64), new Case(new WitValue.S8(-128), Primitive.S8),
        new Case(new WitValue.S16(-32768), Primitive.S16), new Case(new WitValue.S32(Integer.MIN_VALUE), Primitive.S32),
        new Case(new WitValue.S64(Long.MIN_VALUE), Primitive.S64), new Case(new WitValue.S64(0), Primitive.S64),
        new Case(new WitValue.F32(2f), Primitive.F32), new Case(new WitValue.F64(Double.NaN), Primitive.F64),
        new Case(new WitValue.F64(-1e300), Primitive.F64), new Case(new WitValue.CharValue(0x1F600), Primitive.CHAR),
        new Case(new WitValue.CharValue('é'), Primitive.CHAR), new Case(new WitValue.Str("a\"b"), Primitive.STRING));
    for (Case c : cases) {
      assertEquals(json(c.value(), c.type()), Values.text(c.value(), typed(c.type())), c.toString());
    }
    assertEquals("18446744073709551615", Values.text(new WitValue.U64(-1), typed(Primitive.U64)));
    assertEquals("\uD83D\uDE00", Values.text(new WitValue.CharValue(0x1F600), typed(Primitive.CHAR)));
  }

  @Test
  void anEnumWritesItsCaseName() {
    assertEquals("dark-red", Values.text(new WitValue.EnumValue("dark-red"), typed(Primitive.STRING)));
  }

  @Test
  void aStepThatCannotBeTakenNamesTheReferenceUpToIt() {
    WitValue order = new WitValue.RecordValue(List.of(
        new WitValue.FieldValue("items", new WitValue.ListValue(List.of(WitValue.OptionValue.NONE)))));
    List<Step> steps = List.of(new Step.FieldStep(0, "items"), new Step.IndexStep(0), new Step.CaseStep("some", Optional.empty()));
    Binding some = new Binding.FromInput("order", steps, typed(Primitive.STRING));
    EngineException none = assertThrows(EngineException.class, () -> Values.eval(some, Map.of("order", order), n -> null, null));
    assertEquals("`$input.order.items[0].some`: the option is none", none.getMessage());

    Binding past = new Binding.FromItem(List.of(new Step.FieldStep(0, "items"), new Step.IndexStep(3)), typed(Primitive.STRING));
    EngineException range = assertThrows(EngineException.class, () -> Values.eval(past, Map.of(), n -> null, order));
    assertEquals("`$item.items[3]`: index out of range, the list has 1 elements", range.getMessage());
  }
}
