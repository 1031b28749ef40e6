package dev.weft.wit.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.CharValue;
import dev.weft.wit.value.WitValue.F32;
import dev.weft.wit.value.WitValue.F64;
import dev.weft.wit.value.WitValue.FlagsValue;
import dev.weft.wit.value.WitValue.ListValue;
import dev.weft.wit.value.WitValue.U8;
import org.junit.jupiter.api.Test;

class WitValueTest {
  @Test
  void allNaNsAreEqualButSignedZerosAreNot() {
    assertEquals(new F32(Float.NaN), new F32(Float.intBitsToFloat(0x7fc00001)));
    assertEquals(new F64(Double.NaN), new F64(Double.longBitsToDouble(0xfff8000000000123L)));
    assertEquals(
        new F64(Double.NaN).hashCode(),
        new F64(Double.longBitsToDouble(0x7ff0000000000001L)).hashCode());
    assertNotEquals(new F64(0.0), new F64(-0.0));
  }

  @Test
  void bytesEqualTheListOfTheSameU8s() {
    Bytes b = Bytes.of(new byte[] {0, 7, (byte) 200});
    ListValue l = ListValue.of(new U8(0), new U8(7), new U8(200));
    assertEquals(b, l);
    assertEquals(l, b);
    assertEquals(l.hashCode(), b.hashCode());
    assertEquals(l.elements(), b.elements());
  }

  @Test
  void bytesAreAnImmutableCopy() {
    byte[] data = {1, 2};
    Bytes b = Bytes.of(data);
    data[0] = 9;
    b.toArray()[1] = 9;
    assertEquals(Bytes.of(new byte[] {1, 2}), b);
  }

  @Test
  void outOfRangeIntegersAndNonScalarCharsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new U8(256));
    assertThrows(IllegalArgumentException.class, () -> new WitValue.U32(-1));
    assertThrows(IllegalArgumentException.class, () -> new CharValue(0xD800));
    assertThrows(IllegalArgumentException.class, () -> new CharValue(0x110000));
    assertThrows(IllegalArgumentException.class, () -> new WitValue.Str("\udc00"));
  }

  @Test
  void flagsCompareAsSets() {
    assertEquals(FlagsValue.of("a", "b"), FlagsValue.of("b", "a"));
  }
}
