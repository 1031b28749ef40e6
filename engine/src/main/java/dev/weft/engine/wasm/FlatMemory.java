package dev.weft.engine.wasm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.ConstantEvaluators;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.UninstantiableException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.PassiveDataSegment;

/**
 * A non-shared Wasm linear memory kept in one flat {@code int[]}, little-endian (the byte at
 * address {@code a} is bits {@code 8*(a%4)} to {@code 8*(a%4)+7} of word {@code a/4}), so that a
 * load compiled C or Rust makes in a hot loop becomes one bounds test and one machine load.
 *
 * <p>Why not Endive's own {@link ByteArrayMemory}: it keeps memory in 64 KiB pages of {@code
 * byte[]} and reads an {@code int} through a byte-array view {@link VarHandle}. The page lookup
 * is a second load that depends on the address, and the VarHandle's guards, though folded away
 * in the end, make HotSpot's C2 parse several hundred IR nodes per access. Endive compiles each
 * Wasm function into one JVM method and each load into a call of the memory, and C2 stops
 * inlining calls into a method once parsing it has made about 18,000 nodes
 * ({@code NodeCountInliningCutoff}, fixed in product JVMs): in a function with many loads, such as
 * bcrypt's Blowfish loop, the later loads stay real calls. Here an access costs a few nodes, so
 * every load of such a function is inlined.
 *
 * <p>This class holds what does not depend on how an access reaches the array: growth, data
 * segments, bulk operations and the bounds. The loads and stores are in {@link DirectFlatMemory}
 * (one unsigned comparison, then an access at a byte offset, wherever the address falls) and, on
 * JVMs where that is not allowed, {@link ArrayFlatMemory} (an alignment test, the comparison and
 * an array index). {@link #create} picks one per JVM, so each call site in compiled Wasm only
 * ever sees one class; the exception is a memory that starts with no pages, which gets {@code
 * ArrayFlatMemory} (a direct memory counts on having its first page, see there). Toolchains give
 * a memory at least a page for the stack and static data, so that is rare.
 *
 * <p>The word array's capacity at least doubles when the memory grows (up to its maximum), so a
 * guest that grows page by page copies each byte a bounded number of times; every access checks
 * the current size, never the capacity. Out-of-bounds accesses throw {@link
 * WasmRuntimeException}, as Endive's memories do, which the runtime reports as a trap.
 *
 * <p>Not thread-safe, as a non-shared memory needs not be: an instance serves one call at a time.
 * Shared memories (the threads proposal) use Endive's memory, see {@link #create}.
 */
abstract class FlatMemory implements Memory {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** {@code -Dweft.memory=array} makes every memory an {@link ArrayFlatMemory} (for comparison). */
  private static final boolean DIRECT =
      !"array".equals(System.getProperty("weft.memory")) && UnsafeAccess.AVAILABLE;

  private final MemoryLimits limits;
  private final int maxPages;
  int[] words;
  /** The size in bytes, a multiple of the page size. */
  int size;
  /**
   * An access of 2, 4 or 8 bytes at address {@code a} is in bounds when {@code a} is below
   * {@code end2}, {@code end4} or {@code end8} as unsigned numbers ({@code size - n + 1}, or 0 when
   * the memory is smaller than the access): one comparison, with no overflow to think about.
   */
  int end2;
  int end4;
  int end8;
  private DataSegment[] dataSegments;

  FlatMemory(MemoryLimits limits) {
    if (limits.shared()) {
      throw new IllegalArgumentException("a shared memory needs Endive's ByteArrayMemory");
    }
    this.limits = limits;
    this.maxPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
    resize(Memory.bytes(limits.initialPages()));
    this.words = new int[size >>> 2];
  }

  /**
   * The memory for instances: flat for non-shared memories ({@link DirectFlatMemory} where the JVM
   * allows it and the memory starts with a page or more), Endive's for shared ones.
   */
  static Memory create(MemoryLimits limits) {
    if (limits.shared()) {
      return new ByteArrayMemory(limits);
    }
    return DIRECT && limits.initialPages() > 0
        ? new DirectFlatMemory(limits)
        : new ArrayFlatMemory(limits);
  }

  private void resize(int bytes) {
    size = bytes;
    end2 = Math.max(bytes - 1, 0);
    end4 = Math.max(bytes - 3, 0);
    end8 = Math.max(bytes - 7, 0);
  }

  @Override
  public int pages() {
    return size / PAGE_SIZE;
  }

  @Override
  public int grow(int delta) {
    int old = pages();
    long wanted = (long) old + delta;
    if (delta < 0 || wanted > maxPages) {
      return -1;
    }
    int newSize = Memory.bytes((int) wanted);
    int needed = newSize >>> 2;
    if (needed > words.length) {
      long doubled = Math.max((long) words.length * 2, PAGE_SIZE >>> 2);
      int capacity = (int) Math.min(Math.max(doubled, needed), (long) Memory.bytes(maxPages) >>> 2);
      words = Arrays.copyOf(words, capacity);
    }
    resize(newSize);
    return old;
  }

  @Override
  public int initialPages() {
    return limits.initialPages();
  }

  @Override
  public int maximumPages() {
    return maxPages;
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  @SuppressWarnings("removal") // deprecated in Endive's interface, which still requires it
  public Object lock(int address) {
    throw new UnsupportedOperationException();
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, int expected, long timeout) {
    throw new WasmRuntimeException("Attempt to wait on a non-shared memory, not supported.");
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, long expected, long timeout) {
    throw new WasmRuntimeException("Attempt to wait on a non-shared memory, not supported.");
  }

  @Override
  @SuppressWarnings("removal")
  public int notify(int address, int maxThreads) {
    return 0;
  }

  @Override
  public void initialize(Instance instance, DataSegment[] segments) {
    initialize(instance, segments, 0);
  }

  @Override
  public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
    this.dataSegments = segments;
    if (segments == null) {
      return;
    }
    for (DataSegment s : segments) {
      if (s instanceof ActiveDataSegment a) {
        if (a.index() != memoryIndex) {
          continue;
        }
        int offset = (int) ConstantEvaluators.computeConstantValue(instance, a.offsetInstructions())[0];
        byte[] data = a.data();
        if (!fits(offset, data.length, size)) {
          throw new UninstantiableException(outOfBounds(offset, data.length));
        }
        write(offset, data, 0, data.length);
      } else if (!(s instanceof PassiveDataSegment)) {
        throw new WasmEngineException("Data segment should be active or passive: " + s);
      }
    }
  }

  @Override
  public void initPassiveSegment(int segment, int address, int offset, int length) {
    write(address, dataSegments[segment].data(), offset, length);
  }

  @Override
  public void drop(int segment) {
    dataSegments[segment] = PassiveDataSegment.EMPTY;
  }

  // Loads and stores: the hot ones are the subclass's; the others are made of them.

  @Override
  public long readU16(int address) {
    return readShort(address) & 0xFFFFL;
  }

  @Override
  public float readFloat(int address) {
    return Float.intBitsToFloat(readInt(address));
  }

  @Override
  public long readF32(int address) {
    return readInt(address);
  }

  @Override
  public double readDouble(int address) {
    return Double.longBitsToDouble(readLong(address));
  }

  @Override
  public long readF64(int address) {
    return readLong(address);
  }

  @Override
  public void writeF32(int address, float value) {
    writeI32(address, Float.floatToRawIntBits(value));
  }

  @Override
  public void writeF64(int address, double value) {
    writeLong(address, Double.doubleToRawLongBits(value));
  }

  // Bulk operations: bytes one by one up to a word boundary, then whole words.

  @Override
  public void write(int address, byte[] data, int offset, int length) {
    if (!fits(offset, length, data.length)) {
      throw new WasmRuntimeException(outOfBounds(offset, length));
    }
    check(address, length);
    int end = address + length;
    while (address < end && (address & 3) != 0) {
      writeByte(address++, data[offset++]);
    }
    int i = address >>> 2;
    for (; end - address >= 4; address += 4, offset += 4) {
      words[i++] = (int) INTS.get(data, offset);
    }
    while (address < end) {
      writeByte(address++, data[offset++]);
    }
  }

  @Override
  public byte[] readBytes(int address, int length) {
    check(address, length);
    byte[] out = new byte[length];
    int end = address + length;
    int k = 0;
    while (address < end && (address & 3) != 0) {
      out[k++] = read(address++);
    }
    int i = address >>> 2;
    for (; end - address >= 4; address += 4, k += 4) {
      INTS.set(out, k, words[i++]);
    }
    while (address < end) {
      out[k++] = read(address++);
    }
    return out;
  }

  @Override
  public void zero() {
    Arrays.fill(words, 0, size >>> 2, 0);
  }

  @Override
  public void fill(byte value, int from, int to) {
    check(from, to - from);
    while (from < to && (from & 3) != 0) {
      writeByte(from++, value);
    }
    int pattern = (value & 0xFF) * 0x01010101;
    int wordsEnd = from + ((to - from) & ~3);
    Arrays.fill(words, from >>> 2, wordsEnd >>> 2, pattern);
    for (int a = wordsEnd; a < to; a++) {
      writeByte(a, value);
    }
  }

  @Override
  public void copy(int destination, int source, int length) {
    check(source, length);
    check(destination, length);
    if (length == 0 || destination == source) {
      return;
    }
    if (((destination ^ source) & 3) != 0 || length < 16) {
      write(destination, readBytes(source, length), 0, length); // the copy makes overlap harmless
      return;
    }
    // Same alignment: head bytes, whole words (arraycopy handles overlap), tail bytes, in the
    // order that reads every byte before it is overwritten.
    int head = (4 - (source & 3)) & 3;
    int body = (length - head) & ~3;
    int tail = length - head - body;
    if (destination < source) {
      copyBytes(destination, source, head);
      System.arraycopy(words, (source + head) >>> 2, words, (destination + head) >>> 2, body >>> 2);
      copyBytes(destination + head + body, source + head + body, tail);
    } else {
      copyBytesBackward(destination + head + body, source + head + body, tail);
      System.arraycopy(words, (source + head) >>> 2, words, (destination + head) >>> 2, body >>> 2);
      copyBytesBackward(destination, source, head);
    }
  }

  private void copyBytes(int destination, int source, int length) {
    for (int k = 0; k < length; k++) {
      writeByte(destination + k, read(source + k));
    }
  }

  private void copyBytesBackward(int destination, int source, int length) {
    for (int k = length - 1; k >= 0; k--) {
      writeByte(destination + k, read(source + k));
    }
  }

  /** Checks an access of {@code length} bytes at {@code address} (an unsigned Wasm address). */
  final void check(int address, int length) {
    if (!fits(address, length, size)) {
      throw outOfBoundsException(address, length);
    }
  }

  private static boolean fits(int start, int length, int limit) {
    return start >= 0 && length >= 0 && (long) start + length <= limit;
  }

  /** The trap for an access of {@code length} bytes at {@code address}. */
  final WasmRuntimeException outOfBoundsException(int address, int length) {
    return new WasmRuntimeException(outOfBounds(address, length));
  }

  final String outOfBounds(int address, int length) {
    return "out of bounds memory access: attempted to access address: "
        + Integer.toUnsignedString(address) + " but limit is: " + size + " and size: " + length;
  }
}
