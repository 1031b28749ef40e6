package dev.weft.wit.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A WIT value: immutable, structurally comparable, and untyped (it is checked against a {@link
 * dev.weft.wit.model.WitType} where it crosses a boundary).
 *
 * <p>Java has no unsigned integers: {@code u32} is held in a {@code long} and range-checked, {@code
 * u64} in a {@code long} read as unsigned ({@link Long#toUnsignedString(long)}). A {@code char} is
 * a Unicode scalar value, never a Java {@code char}. Float equality is the records' own: it
 * compares {@link Float#compare}-wise, so every NaN equals every other NaN (as wasmtime's {@code
 * Val} does) and {@code 0.0} differs from {@code -0.0}.
 *
 * <p>{@code list<u8>} has a compact form, {@link Bytes}, equal to the {@link ListValue} of the same
 * {@link U8}s.
 */
public sealed interface WitValue
    permits WitValue.Bool,
        WitValue.U8,
        WitValue.U16,
        WitValue.U32,
        WitValue.U64,
        WitValue.S8,
        WitValue.S16,
        WitValue.S32,
        WitValue.S64,
        WitValue.F32,
        WitValue.F64,
        WitValue.CharValue,
        WitValue.Str,
        WitValue.ListLike,
        WitValue.RecordValue,
        WitValue.TupleValue,
        WitValue.VariantValue,
        WitValue.EnumValue,
        WitValue.FlagsValue,
        WitValue.OptionValue,
        WitValue.ResultValue,
        WitValue.Handle {

  /** The kind of this value, for exhaustive switches. */
  ValueKind kind();

  /** {@code bool}. */
  record Bool(boolean value) implements WitValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.BOOL;
    }
  }

  /** {@code u8}, 0 to 255. */
  record U8(int value) implements WitValue {
    public U8 {
      checkRange("u8", value, 0, 0xFF);
    }

    @Override
    public ValueKind kind() {
      return ValueKind.U8;
    }

    // Pinned so that Bytes can compute the same hash as a ListValue of U8s.
    @Override
    public int hashCode() {
      return value;
    }
  }

  /** {@code u16}, 0 to 65535. */
  record U16(int value) implements WitValue {
    public U16 {
      checkRange("u16", value, 0, 0xFFFF);
    }

    @Override
    public ValueKind kind() {
      return ValueKind.U16;
    }
  }

  /** {@code u32}, 0 to 2^32-1, held in a {@code long}. */
  record U32(long value) implements WitValue {
    public U32 {
      checkRange("u32", value, 0, 0xFFFF_FFFFL);
    }

    @Override
    public ValueKind kind() {
      return ValueKind.U32;
    }
  }

  /** {@code u64}: the {@code long}'s 64 bits read as an unsigned number. */
  record U64(long value) implements WitValue {
    @Override
    public ValueKind kind() {
      return ValueKind.U64;
    }

    @Override
    public String toString() {
      return "U64[value=" + Long.toUnsignedString(value) + "]";
    }
  }

  /** {@code s8}. */
  record S8(int value) implements WitValue {
    public S8 {
      checkRange("s8", value, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public ValueKind kind() {
      return ValueKind.S8;
    }
  }

  /** {@code s16}. */
  record S16(int value) implements WitValue {
    public S16 {
      checkRange("s16", value, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public ValueKind kind() {
      return ValueKind.S16;
    }
  }

  /** {@code s32}. */
  record S32(int value) implements WitValue {
    @Override
    public ValueKind kind() {
      return ValueKind.S32;
    }
  }

  /** {@code s64}. */
  record S64(long value) implements WitValue {
    @Override
    public ValueKind kind() {
      return ValueKind.S64;
    }
  }

  /** {@code f32}; all NaNs are equal. */
  record F32(float value) implements WitValue {
    @Override
    public ValueKind kind() {
      return ValueKind.F32;
    }
  }

  /** {@code f64}; all NaNs are equal. */
  record F64(double value) implements WitValue {
    @Override
    public ValueKind kind() {
      return ValueKind.F64;
    }
  }

  /** {@code char}: one Unicode scalar value (0 to 0x10FFFF, surrogates excluded). */
  record CharValue(int codePoint) implements WitValue {
    public CharValue {
      if (!isScalarValue(codePoint)) {
        throw new IllegalArgumentException(
            "not a Unicode scalar value: 0x" + Integer.toHexString(codePoint));
      }
    }

    /** Whether {@code cp} is a Unicode scalar value, the only thing a WIT {@code char} may hold. */
    public static boolean isScalarValue(int cp) {
      return cp >= 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }

    @Override
    public ValueKind kind() {
      return ValueKind.CHAR;
    }
  }

  /** {@code string}: Unicode text, so a Java string without unpaired surrogates. */
  record Str(String value) implements WitValue {
    public Str {
      Objects.requireNonNull(value, "value");
      int bad = firstLoneSurrogate(value);
      if (bad >= 0) {
        throw new IllegalArgumentException("unpaired surrogate at index " + bad + " of a string");
      }
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1 when it is valid Unicode. */
    public static int firstLoneSurrogate(String s) {
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
          if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            i++;
          } else {
            return i;
          }
        } else if (Character.isLowSurrogate(c)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.STRING;
    }
  }

  /**
   * A {@code list<T>} or {@code list<T, N>} value: {@link ListValue} or its compact {@link Bytes}.
   */
  sealed interface ListLike extends WitValue permits ListValue, Bytes {
    /** The number of elements. */
    int size();

    /** The element at {@code index}. */
    WitValue get(int index);

    /** The elements, as an immutable list. */
    List<WitValue> elements();

    @Override
    default ValueKind kind() {
      return ValueKind.LIST;
    }
  }

  /** A list of any element type. Equal to the {@link Bytes} holding the same {@code u8}s. */
  record ListValue(List<WitValue> elements) implements ListLike {
    public ListValue {
      elements = List.copyOf(elements);
    }

    public static ListValue of(WitValue... elements) {
      return new ListValue(List.of(elements));
    }

    @Override
    public int size() {
      return elements.size();
    }

    @Override
    public WitValue get(int index) {
      return elements.get(index);
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof ListValue l) {
        return elements.equals(l.elements);
      }
      return o instanceof Bytes b && b.equals(this);
    }

    @Override
    public int hashCode() {
      return elements.hashCode();
    }
  }

  /**
   * A {@code list<u8>} held as bytes: an immutable copy, compared by content, equal to the {@link
   * ListValue} of the same {@link U8}s.
   */
  final class Bytes implements ListLike {
    private final byte[] data;

    private Bytes(byte[] data) {
      this.data = data;
    }

    /** A value holding a copy of {@code data}. */
    public static Bytes of(byte[] data) {
      return new Bytes(data.clone());
    }

    /** A value holding a copy of {@code data[offset, offset + length)}. */
    public static Bytes of(byte[] data, int offset, int length) {
      return new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /**
     * A value that takes ownership of {@code data}: the caller must not modify it afterwards. For
     * codecs that have just read a fresh array.
     */
    public static Bytes wrap(byte[] data) {
      return new Bytes(data);
    }

    @Override
    public int size() {
      return data.length;
    }

    /** The byte at {@code index}, as an unsigned value. */
    public int byteAt(int index) {
      return data[index] & 0xFF;
    }

    @Override
    public WitValue get(int index) {
      return new U8(byteAt(index));
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
      return data.clone();
    }

    /** Copies the bytes into {@code dest} at {@code destOffset}. */
    public void copyTo(byte[] dest, int destOffset) {
      System.arraycopy(data, 0, dest, destOffset, data.length);
    }

    @Override
    public List<WitValue> elements() {
      List<WitValue> out = new ArrayList<>(data.length);
      for (byte b : data) {
        out.add(new U8(b & 0xFF));
      }
      return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof Bytes b) {
        return Arrays.equals(data, b.data);
      }
      if (o instanceof ListValue l && l.size() == data.length) {
        for (int i = 0; i < data.length; i++) {
          if (!(l.get(i) instanceof U8 u) || u.value() != (data[i] & 0xFF)) {
            return false;
          }
        }
        return true;
      }
      return false;
    }

    // The same hash as List.hashCode over U8s (U8.hashCode is its value).
    @Override
    public int hashCode() {
      int h = 1;
      for (byte b : data) {
        h = 31 * h + (b & 0xFF);
      }
      return h;
    }

    @Override
    public String toString() {
      return "Bytes[size=" + data.length + "]";
    }
  }

  /** One field of a {@link RecordValue}: its kebab-case name and value. */
  record FieldValue(String name, WitValue value) {
    public FieldValue {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A record: its fields in declaration order. */
  record RecordValue(List<FieldValue> fields) implements WitValue {
    public RecordValue {
      fields = List.copyOf(fields);
    }

    public static RecordValue of(FieldValue... fields) {
      return new RecordValue(List.of(fields));
    }

    /** The value of field {@code name}, if present. */
    public Optional<WitValue> get(String name) {
      for (FieldValue f : fields) {
        if (f.name().equals(name)) {
          return Optional.of(f.value());
        }
      }
      return Optional.empty();
    }

    @Override
    public ValueKind kind() {
      return ValueKind.RECORD;
    }
  }

  /** A tuple. */
  record TupleValue(List<WitValue> elements) implements WitValue {
    public TupleValue {
      elements = List.copyOf(elements);
    }

    public static TupleValue of(WitValue... elements) {
      return new TupleValue(List.of(elements));
    }

    @Override
    public ValueKind kind() {
      return ValueKind.TUPLE;
    }
  }

  /** A variant: the case name and its payload, absent for a case without one. */
  record VariantValue(String caseName, Optional<WitValue> payload) implements WitValue {
    public VariantValue {
      Objects.requireNonNull(caseName, "caseName");
      Objects.requireNonNull(payload, "payload");
    }

    public static VariantValue of(String caseName) {
      return new VariantValue(caseName, Optional.empty());
    }

    public static VariantValue of(String caseName, WitValue payload) {
      return new VariantValue(caseName, Optional.of(payload));
    }

    @Override
    public ValueKind kind() {
      return ValueKind.VARIANT;
    }
  }

  /** An enum value: the case name. */
  record EnumValue(String caseName) implements WitValue {
    public EnumValue {
      Objects.requireNonNull(caseName, "caseName");
    }

    @Override
    public ValueKind kind() {
      return ValueKind.ENUM;
    }
  }

  /** A flags value: the names of the flags that are set (order does not matter for equality). */
  record FlagsValue(Set<String> flags) implements WitValue {
    public FlagsValue {
      flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
    }

    public static FlagsValue of(String... flags) {
      return new FlagsValue(new LinkedHashSet<>(Arrays.asList(flags)));
    }

    @Override
    public ValueKind kind() {
      return ValueKind.FLAGS;
    }
  }

  /** {@code option<T>}: present or absent. */
  record OptionValue(Optional<WitValue> value) implements WitValue {
    public static final OptionValue NONE = new OptionValue(Optional.empty());

    public OptionValue {
      Objects.requireNonNull(value, "value");
    }

    public static OptionValue some(WitValue value) {
      return new OptionValue(Optional.of(value));
    }

    @Override
    public ValueKind kind() {
      return ValueKind.OPTION;
    }
  }

  /**
   * {@code result<T, E>}: {@code ok} or not, with the payload of that side, absent when that side
   * has no type.
   */
  record ResultValue(boolean isOk, Optional<WitValue> value) implements WitValue {
    public ResultValue {
      Objects.requireNonNull(value, "value");
    }

    public static ResultValue ok(WitValue value) {
      return new ResultValue(true, Optional.of(value));
    }

    public static ResultValue ok() {
      return new ResultValue(true, Optional.empty());
    }

    public static ResultValue err(WitValue value) {
      return new ResultValue(false, Optional.of(value));
    }

    public static ResultValue err() {
      return new ResultValue(false, Optional.empty());
    }

    @Override
    public ValueKind kind() {
      return ValueKind.RESULT;
    }
  }

  /**
   * A resource handle as the host sees it: an index into the host's table of resources of one type
   * ({@code own} or {@code borrow} is decided by the type it crosses as).
   */
  record Handle(int index) implements WitValue {
    public Handle {
      if (index < 0) {
        throw new IllegalArgumentException("negative handle " + index);
      }
    }

    @Override
    public ValueKind kind() {
      return ValueKind.HANDLE;
    }
  }

  private static void checkRange(String type, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(value + " is out of range for " + type);
    }
  }

  /** A {@code string}. */
  static Str str(String s) {
    return new Str(s);
  }

  /** A {@code u32}. */
  static U32 u32(long v) {
    return new U32(v);
  }

  /** A {@code s32}. */
  static S32 s32(int v) {
    return new S32(v);
  }
}
