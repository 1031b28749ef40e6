package dev.weft.engine.wasm;

import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.Set;
import sun.misc.Unsafe;

/**
 * Plain loads and stores at byte offsets of an {@code int[]}, through {@code sun.misc.Unsafe}: the
 * one class of Weft that touches it, for {@link DirectFlatMemory}, which says why.
 *
 * <p>It sits in its own source folder because javac warns on every use of {@code sun.misc.Unsafe}
 * with no way to silence that one warning, and the build fails on warnings: {@code engine/pom.xml}
 * compiles this file alone, before the rest, with warnings allowed.
 *
 * <p>The callers check bounds; these methods do not. Each is small enough for the JIT to inline
 * to the single machine instruction.
 */
final class UnsafeAccess {
  private static final Unsafe U = unsafe();

  /** Whether this JVM and machine allow these accesses (see {@link #unsafe}). */
  static final boolean AVAILABLE = U != null;

  /** The offset of element 0 of an {@code int[]}. */
  static final long INTS = AVAILABLE ? U.arrayBaseOffset(int[].class) : 0;

  private UnsafeAccess() {}

  /**
   * Unsafe, when the machine loads unaligned little-endian words (Wasm's byte order; x86-64 and
   * AArch64) and the JVM lets us use it: JDK 24+ refuse it when started with {@code
   * --sun-misc-unsafe-memory-access=deny}, as later JDKs will by default. Else null.
   */
  private static Unsafe unsafe() {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
        || !Set.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch"))) {
      return null;
    }
    try {
      Field f = Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Unsafe u = (Unsafe) f.get(null);
      int[] probe = {0x04030201, 0x08070605};
      // An unaligned little-endian load across two words, as DirectFlatMemory makes them.
      return u.getInt(probe, u.arrayBaseOffset(int[].class) + 1) == 0x05040302 ? u : null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  static byte getByte(int[] words, long offset) {
    return U.getByte(words, offset);
  }

  static short getShort(int[] words, long offset) {
    return U.getShort(words, offset);
  }

  static int getInt(int[] words, long offset) {
    return U.getInt(words, offset);
  }

  static long getLong(int[] words, long offset) {
    return U.getLong(words, offset);
  }

  static void putByte(int[] words, long offset, byte value) {
    U.putByte(words, offset, value);
  }

  static void putShort(int[] words, long offset, short value) {
    U.putShort(words, offset, value);
  }

  static void putInt(int[] words, long offset, int value) {
    U.putInt(words, offset, value);
  }

  static void putLong(int[] words, long offset, long value) {
    U.putLong(words, offset, value);
  }
}
