package dev.weft.wit.abi;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Str;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code string}: a (pointer, length) pair in the encoding the canonical options name. Decoding is
 * strict: invalid UTF-8 or an unpaired UTF-16 surrogate traps.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#loading">Loading
 *     strings</a>
 */
final class StringCodec extends Codec {
  /** The spec's {@code utf16_tag} for 32-bit pointers. */
  static final long UTF16_TAG = 1L << 31;

  StringCodec() {
    super(8, 4, new CoreType[] {CoreType.I32, CoreType.I32}, "string");
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

  @Override
  void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    if (!(v instanceof Str str)) {
      throw wrongValue(v);
    }
    String s = str.value();
    Encoded e =
        switch (cx.encoding) {
          case UTF8 -> {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            yield new Encoded(b, 1, b.length);
          }
          case UTF16 -> new Encoded(s.getBytes(StandardCharsets.UTF_16LE), 2, s.length());
          case LATIN1_UTF16 ->
              isLatin1(s)
                  ? new Encoded(s.getBytes(StandardCharsets.ISO_8859_1), 2, s.length())
                  : new Encoded(s.getBytes(StandardCharsets.UTF_16LE), 2, s.length() | UTF16_TAG);
        };
    byte[] bytes = e.bytes();
    int align = e.align();
    long units = e.units();
    if (bytes.length > AbiContext.MAX_STRING_BYTE_LENGTH) {
      throw new AbiException(
          "a string of " + bytes.length + " bytes is longer than the canonical ABI allows");
    }
    long ptr = cx.allocate(align, bytes.length, "string");
    cx.memory().writeBytes((int) ptr, bytes, 0, bytes.length);
    out[at] = ptr;
    out[at + 1] = units;
  }

  /** A string encoded for the guest (transient, never compared): bytes, alignment, tagged units. */
  private record Encoded(byte[] bytes, int align, long units) {}

  /** Where and how a string lies in guest memory. */
  private record Range(int align, long byteLength, Charset charset) {}

  private static boolean isLatin1(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** The spec's {@code load_string_from_range}. */
  static WitValue fromRange(AbiContext cx, long ptr, long taggedUnits) {
    boolean utf16 = (taggedUnits & UTF16_TAG) != 0;
    Range r =
        switch (cx.encoding) {
          case UTF8 -> new Range(1, taggedUnits, StandardCharsets.UTF_8);
          case UTF16 -> new Range(2, 2 * taggedUnits, StandardCharsets.UTF_16LE);
          case LATIN1_UTF16 ->
              utf16
                  ? new Range(2, 2 * (taggedUnits ^ UTF16_TAG), StandardCharsets.UTF_16LE)
                  : new Range(2, taggedUnits, StandardCharsets.ISO_8859_1);
        };
    int align = r.align();
    long byteLength = r.byteLength();
    Charset charset = r.charset();
    if (byteLength > AbiContext.MAX_STRING_BYTE_LENGTH) {
      throw new AbiException(
          "string length " + byteLength + " bytes exceeds the canonical ABI limit");
    }
    AbiContext.checkAlign(ptr, align, "string");
    cx.checkRange(ptr, byteLength, "string");
    byte[] bytes = cx.memory().readBytes((int) ptr, (int) byteLength);
    return new Str(decode(bytes, charset));
  }

  private static String decode(byte[] bytes, Charset charset) {
    if (charset == StandardCharsets.ISO_8859_1) {
      return new String(bytes, charset);
    }
    if (charset == StandardCharsets.UTF_8 && isAscii(bytes)) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AbiException("string is not valid " + charset.name() + " (" + e.getMessage() + ")");
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
