package dev.weft.wit.abi;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.ListLike;
import dev.weft.wit.value.WitValue.ListValue;

/**
 * {@code list<T>}: a (pointer, length) pair. The length is checked against memory before anything
 * is allocated, and {@code list<u8>} moves as one array copy into a {@link Bytes}.
 */
final class ListCodec extends Codec {
  /**
   * Weft's cap on the elements of one lifted list (other than {@code list<u8>}, which stays bytes):
   * each element becomes a Java object, so a guest could otherwise turn 256 MiB of its memory into
   * gigabytes of host heap.
   */
  static final long MAX_LIFTED_ELEMENTS = 1 << 22;

  private final Codec element;

  ListCodec(Codec element, String display) {
    super(8, 4, new CoreType[] {CoreType.I32, CoreType.I32}, display);
    this.element = element;
  }

  @Override
  boolean usesMemory() {
    return true;
  }

  @Override
  void store(AbiContext cx, WitValue v, long ptr) {
    long[] pair = new long[2];
    lowerFlat(cx, v, pair, 0);
    cx.memory().write32((int) ptr, (int) pair[0]);
    cx.memory().write32((int) ptr + 4, (int) pair[1]);
  }

  @Override
  WitValue load(AbiContext cx, long ptr) {
    Memory m = cx.memory();
    return fromRange(
        cx, m.read32((int) ptr) & 0xFFFF_FFFFL, m.read32((int) ptr + 4) & 0xFFFF_FFFFL);
  }

  @Override
  WitValue liftFlat(AbiContext cx, long[] in, int at) {
    return fromRange(cx, in[at] & 0xFFFF_FFFFL, in[at + 1] & 0xFFFF_FFFFL);
  }

  /** The spec's {@code load_list_from_range}. */
  private WitValue fromRange(AbiContext cx, long ptr, long length) {
    long byteLength = length * element.size;
    if (byteLength > AbiContext.MAX_LIST_BYTE_LENGTH) {
      throw new AbiException(
          display
              + " of "
              + length
              + " elements ("
              + byteLength
              + " bytes) exceeds the canonical ABI limit");
    }
    AbiContext.checkAlign(ptr, element.align, display);
    cx.checkRange(ptr, byteLength, display);
    if (element.isByte()) {
      return Bytes.wrap(cx.memory().readBytes((int) ptr, (int) length));
    }
    if (length > MAX_LIFTED_ELEMENTS) {
      throw new AbiException(
          display
              + " of "
              + length
              + " elements is longer than the host accepts ("
              + MAX_LIFTED_ELEMENTS
              + ")");
    }
    WitValue[] out = new WitValue[(int) length];
    for (int i = 0; i < out.length; i++) {
      out[i] = element.load(cx, ptr + (long) i * element.size);
    }
    return new ListValue(java.util.Arrays.asList(out));
  }

  @Override
  void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    if (!(v instanceof ListLike list)) {
      throw wrongValue(v);
    }
    int n = list.size();
    long byteLength = (long) n * element.size;
    if (byteLength > AbiContext.MAX_LIST_BYTE_LENGTH) {
      throw new AbiException(
          display + " of " + n + " elements is longer than the canonical ABI allows");
    }
    long ptr = cx.allocate(element.align, byteLength, display);
    if (list instanceof Bytes bytes && element.isByte()) {
      cx.memory().writeBytes((int) ptr, bytes.toArray(), 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        element.store(cx, list.get(i), ptr + (long) i * element.size);
      }
    }
    out[at] = ptr;
    out[at + 1] = n;
  }
}
