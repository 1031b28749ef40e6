package dev.weft.flows.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.value.WitValue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What each input constraint lets through, at and around its limit. */
class InputConstraintsTest {
  private static InputConstraints bytes(long min, long max) {
    return new InputConstraints(OptionalLong.of(min), OptionalLong.of(max), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty(), Optional.empty());
  }

  private static String broken(InputConstraints c, WitValue v) {
    return c.check(v).map(InputConstraints.Violation::constraint).orElse("ok");
  }

  @Test
  void stringsCountUtf8BytesNotCharacters() {
    InputConstraints c = bytes(1, 4);
    assertEquals("ok", broken(c, new WitValue.Str("abcd")));
    assertEquals("max-bytes", broken(c, new WitValue.Str("abcde")));
    assertEquals("ok", broken(c, new WitValue.Str("€a")));             // 2 characters, 4 bytes
    assertEquals("max-bytes", broken(c, new WitValue.Str("é€")));       // 2 characters, 5 bytes
    assertEquals("ok", broken(c, new WitValue.Str("\uD83D\uDE00")));   // one 4-byte code point
    assertEquals("min-bytes", broken(c, new WitValue.Str("")));
    InputConstraints.Violation v = bytes(0, 512).check(new WitValue.Str("x".repeat(513))).orElseThrow();
    assertEquals(new BigDecimal(512), v.limit());
    assertEquals("is 513 bytes long, more than its `max-bytes: 512`", v.detail());
  }

  @Test
  void byteListsCountTheirBytesInEitherForm() {
    InputConstraints c = bytes(2, 3);
    assertEquals("ok", broken(c, WitValue.Bytes.of(new byte[3])));
    assertEquals("max-bytes", broken(c, WitValue.Bytes.of(new byte[4])));
    assertEquals("min-bytes", broken(c, new WitValue.ListValue(java.util.List.of())));
    assertEquals("ok", broken(c, WitValue.ListValue.of(new WitValue.U8(1), new WitValue.U8(2))));
  }

  @Test
  void listsCountElementsAndOptionsCheckTheirValue() {
    InputConstraints c = new InputConstraints(OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.of(1), OptionalLong.of(2), Optional.empty(), Optional.empty());
    assertEquals("min-items", broken(c, WitValue.ListValue.of()));
    assertEquals("ok", broken(c, WitValue.ListValue.of(new WitValue.Str("a"), new WitValue.Str("b"))));
    assertEquals("max-items", broken(c, WitValue.ListValue.of(new WitValue.U64(1), new WitValue.U64(2),
        new WitValue.U64(3))));
    assertEquals("ok", broken(bytes(1, 2), new WitValue.OptionValue(Optional.empty())));
    assertEquals("max-bytes", broken(bytes(1, 2), new WitValue.OptionValue(Optional.of(new WitValue.Str("abc")))));
  }

  @Test
  void numbersCompareExactlyIncludingU64AndFloats() {
    InputConstraints c = new InputConstraints(OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), OptionalLong.empty(), Optional.of(new BigDecimal("-0.5")),
        Optional.of(new BigDecimal("18446744073709551614")));
    assertEquals("ok", broken(c, new WitValue.U64(-2L)));               // 2^64 - 2
    assertEquals("max", broken(c, new WitValue.U64(-1L)));              // 2^64 - 1
    assertEquals("min", broken(c, new WitValue.F64(-0.75)));
    assertEquals("ok", broken(c, new WitValue.F32(-0.5f)));
    assertEquals("min", broken(c, new WitValue.F64(Double.NaN)));
    assertEquals("min", broken(c, new WitValue.S32(-1)));
    assertEquals("max", broken(c, new WitValue.F64(Double.POSITIVE_INFINITY)));
  }

  @Test
  void noConstraintsLetEverythingThrough() {
    assertTrue(InputConstraints.NONE.isEmpty());
    assertEquals("ok", broken(InputConstraints.NONE, new WitValue.Str("x".repeat(10_000))));
  }
}
