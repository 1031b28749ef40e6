package dev.weft.wit.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.WitTypes;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types a hostile component binary can declare must fail binding, not exhaust the host. */
class HostileTypesTest {
  private final AbiTestSupport.Types types = new AbiTestSupport.Types();

  @Test
  void aDeeplyNestedTypeIsRejectedAndStillPrintable() {
    WitType t = Primitive.U8;
    for (int i = 0; i < 100_000; i++) {
      t = new ListType(t);
    }
    WitType deep = t;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FunctionCodec.bind(
                    AbiTestSupport.fn(List.of(deep), null), types, CanonOptions.UTF8));
    assertTrue(e.getMessage().contains("nesting deeper than 100"), e.getMessage());
    assertTrue(WitTypes.display(deep, types).startsWith("list<list<list<"));
    assertTrue(WitTypes.display(deep, types).length() < 200);
  }

  @Test
  void aHugeFixedListIsRejectedBeforeAllocating() {
    WitType huge = new FixedListType(Primitive.U64, Integer.MAX_VALUE);
    assertThrows(IllegalArgumentException.class, () -> CanonicalAbiInfo.of(huge, types));
    WitType wide = new TupleType(Collections.nCopies(100, new FixedListType(Primitive.U8, 4000)));
    assertThrows(IllegalArgumentException.class, () -> CanonicalAbiInfo.of(wide, types));
    assertEquals(4000, CanonicalAbiInfo.of(new FixedListType(Primitive.U8, 4000), types).size());
  }
}
