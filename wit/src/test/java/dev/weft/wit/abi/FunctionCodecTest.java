package dev.weft.wit.abi;

import static dev.weft.wit.abi.AbiTestSupport.fn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.model.Case;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U32;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionCodecTest {
  private final AbiTestSupport.Types types = new AbiTestSupport.Types();
  private final ByteArrayMemory memory = new ByteArrayMemory(4096);

  private FunctionCodec bind(List<WitType> params, WitType result) {
    return FunctionCodec.bind(fn(params, result), types, CanonOptions.UTF8);
  }

  private AbiException trap(WitType result, long... flat) {
    FunctionCodec c = bind(List.of(), result);
    return assertThrows(AbiException.class, () -> c.liftResult(flat, memory));
  }

  @Test
  void stringsGoThroughReallocAndComeBack() {
    FunctionCodec c = bind(List.of(Primitive.STRING), Primitive.STRING);
    long[] flat = c.lowerParams(List.of(new Str("héllo")), memory);
    assertEquals(2, flat.length);
    assertEquals(6, flat[1], "utf-8 byte length");
    assertArrayEquals(new int[] {0, 0, 1, 6}, memory.reallocs.get(0));
    // The result is two flat values, more than MAX_FLAT_RESULTS: the guest returns a pointer.
    memory.write32(200, (int) flat[0]);
    memory.write32(204, (int) flat[1]);
    assertEquals(Optional.of(new Str("héllo")), c.liftResult(new long[] {200}, memory));
  }

  @Test
  void aSpilledResultIsReadThroughTheReturnedPointer() {
    FunctionCodec c = bind(List.of(), new TupleType(List.of(Primitive.U32, Primitive.U32)));
    memory.write32(64, 7);
    memory.write32(68, 9);
    assertEquals(
        Optional.of(WitValue.TupleValue.of(new U32(7), new U32(9))),
        c.liftResult(new long[] {64}, memory));
    assertEquals(new CoreSignature(List.of(), List.of(CoreType.I32)), c.liftSignature());
  }

  @Test
  void moreThanSixteenFlatParamsSpillIntoOneAllocatedArea() {
    List<WitType> ps = Collections.nCopies(17, Primitive.U32);
    FunctionCodec c = bind(ps, null);
    List<WitValue> args = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      args.add(new U32(100 + i));
    }
    long[] flat = c.lowerParams(args, memory);
    assertEquals(1, flat.length);
    assertArrayEquals(new int[] {0, 0, 4, 68}, memory.reallocs.get(0));
    assertEquals(116, memory.read32((int) flat[0] + 64));
    assertEquals(new CoreSignature(List.of(CoreType.I32), List.of()), c.liftSignature());
    assertEquals(
        args, c.liftParams(flat, memory, null), "a host import reads them back the same way");
  }

  @Test
  void aHostImportStoresASpilledResultThroughTheGuestsReturnPointer() {
    FunctionCodec c = bind(List.of(Primitive.U32), Primitive.STRING);
    assertEquals(
        new CoreSignature(List.of(CoreType.I32, CoreType.I32), List.of()), c.lowerSignature());
    long[] out = c.lowerResult(Optional.of(new Str("ok")), new long[] {5, 128}, memory, null);
    assertEquals(0, out.length);
    long ptr = memory.read32(128);
    assertEquals(2, memory.read32(132));
    assertEquals('o', memory.read8((int) ptr));
    assertThrows(
        AbiException.class,
        () -> c.lowerResult(Optional.of(new Str("ok")), new long[] {5, 130}, memory, null));
    assertThrows(
        AbiException.class,
        () -> c.lowerResult(Optional.of(new Str("ok")), new long[] {5, 4094}, memory, null));
  }

  @Test
  void outOfBoundsStringTraps() {
    memory.write32(16, 4000);
    memory.write32(20, 200);
    AbiException e = trap(Primitive.STRING, 16);
    assertTrue(e.getMessage().contains("out of bounds"), e.getMessage());
  }

  @Test
  void aHugeListLengthTrapsBeforeAnythingIsAllocated() {
    memory.write32(16, 8);
    memory.write32(20, 0xFFFFFFFF);
    AbiException e = trap(new ListType(Primitive.U64), 16);
    assertTrue(e.getMessage().contains("exceeds the canonical ABI limit"), e.getMessage());
    memory.write32(20, 1_000_000);
    assertTrue(trap(new ListType(Primitive.U8), 16).getMessage().contains("out of bounds"));
  }

  @Test
  void aListThatWouldExplodeOnTheHeapTraps() {
    ByteArrayMemory big = new ByteArrayMemory(8 << 20);
    big.write32(16, 64);
    big.write32(20, 5_000_000);
    FunctionCodec c = bind(List.of(), new ListType(Primitive.BOOL));
    AbiException e = assertThrows(AbiException.class, () -> c.liftResult(new long[] {16}, big));
    assertTrue(e.getMessage().contains("longer than the host accepts"), e.getMessage());
  }

  @Test
  void unalignedPointersTrap() {
    memory.write32(16, 9);
    memory.write32(20, 1);
    assertTrue(trap(new ListType(Primitive.U32), 16).getMessage().contains("not aligned to 4"));
    assertTrue(
        trap(new TupleType(List.of(Primitive.U32, Primitive.U64)), 12)
            .getMessage()
            .contains("not aligned to 8"));
  }

  @Test
  void badDiscriminantsTrap() {
    WitType v =
        types.define(
            "shape", new VariantType(List.of(Case.of("a", Primitive.U32), Case.of("b", null))));
    memory.write8(32, (byte) 2);
    AbiException e = trap(new TupleType(List.of(v, v)), 32);
    assertEquals("discriminant 2 is out of range for `variant shape` (2 cases)", e.getMessage());
    FunctionCodec flat = bind(List.of(), new dev.weft.wit.model.OptionType(Primitive.U8));
    assertEquals(Optional.of(WitValue.OptionValue.NONE), flat.liftResult(new long[] {0}, memory));
  }

  @Test
  void invalidCharsAndStringsTrap() {
    assertTrue(trap(Primitive.CHAR, 0xD800).getMessage().contains("invalid char 0xd800"));
    assertTrue(trap(Primitive.CHAR, 0x110000).getMessage().contains("invalid char"));
    memory.write8(300, (byte) 0xC3);
    memory.write32(16, 300);
    memory.write32(20, 1);
    assertTrue(trap(Primitive.STRING, 16).getMessage().contains("not valid UTF-8"));
  }

  @Test
  void aLyingReallocTraps() {
    FunctionCodec c = bind(List.of(Primitive.STRING), null);
    memory.nextAllocation = 4095;
    AbiException e =
        assertThrows(AbiException.class, () -> c.lowerParams(List.of(new Str("hello")), memory));
    assertTrue(e.getMessage().contains("realloc returned"), e.getMessage());
    FunctionCodec u = bind(List.of(new ListType(Primitive.U32)), null);
    memory.nextAllocation = 6;
    e =
        assertThrows(
            AbiException.class,
            () -> u.lowerParams(List.of(WitValue.ListValue.of(new U32(1))), memory));
    assertTrue(e.getMessage().contains("not aligned"), e.getMessage());
  }

  @Test
  void wrongResultCountTraps() {
    FunctionCodec c = bind(List.of(), Primitive.U32);
    assertThrows(AbiException.class, () -> c.liftResult(new long[0], memory));
  }

  @Test
  void bindingFailsWhenAFunctionNeedsMemoryButHasNone() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FunctionCodec.bind(
                    fn(List.of(Primitive.STRING), null),
                    types,
                    new CanonOptions(StringEncoding.UTF8, false, false)));
    assertTrue(e.getMessage().contains("memory"));
  }

  @Test
  void wrongArityIsAProgrammerError() {
    FunctionCodec c = bind(List.of(Primitive.U32), null);
    assertThrows(IllegalArgumentException.class, () -> c.lowerParams(List.of(), memory));
  }

  @Test
  void moreThanThirtyTwoFlagsUseOneI32PerThirtyTwo() {
    List<dev.weft.wit.model.Name> names = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      names.add(dev.weft.wit.model.Name.of("f" + i));
    }
    WitType flags = types.define("many", new dev.weft.wit.model.FlagsType(names));
    FunctionCodec c = bind(List.of(flags), flags);
    WitValue v = WitValue.FlagsValue.of("f0", "f31", "f32", "f39");
    long[] flat = c.lowerParams(List.of(v), memory);
    assertArrayEquals(new long[] {0x8000_0001L, 0x81L}, flat);
    assertEquals(List.of(v), c.liftParams(flat, memory, null));
    memory.write32(64, 0x8000_0001);
    memory.write32(68, 0x81);
    // Two flat values are more than one result: the result comes back through memory.
    assertEquals(Optional.of(v), c.liftResult(new long[] {64}, memory));
  }

  @Test
  void aMapCrossesExactlyAsItsListOfPairs() {
    WitType map = new dev.weft.wit.model.MapType(Primitive.STRING, Primitive.U32);
    WitType pairs = new ListType(new TupleType(List.of(Primitive.STRING, Primitive.U32)));
    WitValue v =
        WitValue.ListValue.of(
            WitValue.TupleValue.of(new Str("a"), new U32(1)),
            WitValue.TupleValue.of(new Str("bc"), new U32(2)));
    FunctionCodec asMap = bind(List.of(map), map);
    FunctionCodec asList = bind(List.of(pairs), pairs);
    assertEquals(asList.lowerSignature(), asMap.lowerSignature());
    ByteArrayMemory other = new ByteArrayMemory(4096);
    long[] flat = asMap.lowerParams(List.of(v), memory);
    assertArrayEquals(asList.lowerParams(List.of(v), other), flat);
    assertArrayEquals(
        other.readBytes(0, 4096), memory.readBytes(0, 4096), "same bytes in guest memory");
    memory.write32(300, (int) flat[0]);
    memory.write32(304, (int) flat[1]);
    assertEquals(Optional.of(v), asMap.liftResult(new long[] {300}, memory));
  }
}
