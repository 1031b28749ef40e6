package dev.weft.wit.abi;

import java.util.Objects;

/**
 * What one lift or lower needs besides the value: the memory, the string encoding and the
 * instance's handle table, null when the function has no handles (the spec's {@code
 * LiftLowerContext}). Made once per call; not thread-safe.
 */
public final class AbiContext {
  /** The spec's {@code MAX_STRING_BYTE_LENGTH}. */
  public static final long MAX_STRING_BYTE_LENGTH = (1L << 28) - 1;

  /** The spec's {@code MAX_LIST_BYTE_LENGTH}. */
  public static final long MAX_LIST_BYTE_LENGTH = (1L << 28) - 1;

  final Memory memory;
  final StringEncoding encoding;
  final HandleTable handles;

  public AbiContext(Memory memory, StringEncoding encoding, HandleTable handles) {
    this.memory = memory;
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    this.handles = handles;
  }

  HandleTable handles() {
    if (handles == null) {
      throw new IllegalStateException(
          "a resource handle crossed a call made without a handle table");
    }
    return handles;
  }

  Memory memory() {
    if (memory == null) {
      throw new AbiException("the function has no memory option but needs one");
    }
    return memory;
  }

  /** Traps unless {@code [ptr, ptr + length)} is inside memory. */
  void checkRange(long ptr, long length, String what) {
    long size = memory().size();
    if (ptr < 0 || length < 0 || ptr + length > size) {
      throw new AbiException(
          what
              + " at "
              + ptr
              + " of "
              + length
              + " bytes is out of bounds of memory ("
              + size
              + " bytes)");
    }
  }

  /** Traps unless {@code ptr} is a multiple of {@code align}. */
  static void checkAlign(long ptr, int align, String what) {
    if ((ptr & (align - 1)) != 0) {
      throw new AbiException(what + " pointer " + ptr + " is not aligned to " + align);
    }
  }

  /** Allocates {@code size} bytes in the guest with its realloc and checks what it returned. */
  long allocate(int align, long size, String what) {
    if (size > Integer.MAX_VALUE) {
      throw new AbiException(what + " of " + size + " bytes is too large to pass to the guest");
    }
    long ptr = memory().realloc(0, 0, align, (int) size) & 0xFFFF_FFFFL;
    checkAlign(ptr, align, "realloc returned a " + what);
    checkRange(ptr, size, "realloc returned a " + what);
    return ptr;
  }

  static long alignTo(long ptr, int align) {
    return (ptr + align - 1) & -align;
  }
}
