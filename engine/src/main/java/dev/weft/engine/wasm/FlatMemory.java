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
 * address {@code a} is bits {@code 8*(a%4)} to {@code 8*(a%4)+7} of word {@code a/4}), so that an
 * aligned 32-bit load, by far the commonest access of compiled C and Rust, is one array load.
 *
 * <p>Why not Endive's own {@link ByteArrayMemory}: it keeps memory in 64 KiB pages of {@code
 * byte[]} and reads an {@code int} through a byte-array view {@link VarHandle}. The page lookup
 * is a second load that depends on the address, and the VarHandle's guards, though folded away
 * in the end, make HotSpot's C2 parse several hundred IR nodes per access. Endive compiles each
 * Wasm function into one JVM method and each load into a call of the memory, and C2 stops
 * inlining calls into a method once parsing it has made about 18,000 nodes
 * ({@code NodeCountInliningCutoff}, fixed in product JVMs): in a function with many loads, such as
 * bcrypt's Blowfish loop, the later loads stay real calls. Here an aligned load costs a few nodes,
 * so every load of such a function is inlined. Unaligned and narrower accesses are a shift and a
 * mask away; a byte store reads, masks and writes its word.
 *
 * <p>An aligned access tests {@code (address & 3) == 0} and indexes {@code words[address >>> 2]}
 * rather than folding both into one rotate: compiled C addresses an array element as {@code (i << 2)
 * + base}, and on that shape C2 proves the alignment test true and turns the index back into {@code
 * i + base / 4}, which becomes the load's addressing mode. A load then waits only for {@code i}, as
 * it does in native code; with a rotate it waited for an add and the rotate too. bcrypt's Blowfish
 * rounds, a chain of dependent loads written in that shape, take a third less time this way (JDK 25).
 *
 * <p>The word array's capacity at least doubles when the memory grows (up to its maximum), so a
 * guest that grows page by page copies each byte a bounded number of times; every access checks
 * the current size, never the capacity. Out-of-bounds accesses throw {@link
 * WasmRuntimeException}, as Endive's memories do, which the runtime reports as a trap.
 *
 * <p>Not thread-safe, as a non-shared memory needs not be: an instance serves one call at a time.
 * Shared memories (the threads proposal) use Endive's memory, see {@link #create}.
 */
final class FlatMemory implements Memory {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final MemoryLimits limits;
  private final int maxPages;
  private int[] words;
  private int size;
  private DataSegment[] dataSegments;

  FlatMemory(MemoryLimits limits) {
    if (limits.shared()) {
      throw new IllegalArgumentException("a shared memory needs Endive's ByteArrayMemory");
    }
    this.limits = limits;
    this.maxPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
    this.size = Memory.bytes(limits.initialPages());
    this.words = new int[size >>> 2];
  }

  /** The memory factory for instances: flat for non-shared memories, Endive's for shared ones. */
  static Memory create(MemoryLimits limits) {
    return limits.shared() ? new ByteArrayMemory(limits) : new FlatMemory(limits);
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
    size = newSize;
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

  // Loads. The fast path of each is an alignment test, one unsigned comparison and array loads.

  @Override
  public byte read(int address) {
    if (Integer.compareUnsigned(address, size) >= 0) {
      throw new WasmRuntimeException(outOfBounds(address, 1));
    }
    return (byte) (words[address >>> 2] >>> ((address & 3) << 3));
  }

  @Override
  public short readShort(int address) {
    if ((address & 1) == 0 && Integer.compareUnsigned(address, size) < 0) {
      return (short) (words[address >>> 2] >>> ((address & 2) << 3));
    }
    check(address, 2);
    return (short) ((read(address) & 0xFF) | read(address + 1) << 8);
  }

  @Override
  public long readU16(int address) {
    return readShort(address) & 0xFFFFL;
  }

  @Override
  public int readInt(int address) {
    if ((address & 3) == 0 && Integer.compareUnsigned(address, size) < 0) {
      return words[address >>> 2];
    }
    return readIntUnaligned(address);
  }

  /** A load at an address that is not a multiple of 4 (or out of bounds). */
  private int readIntUnaligned(int address) {
    check(address, 4);
    int i = address >>> 2;
    int shift = (address & 3) << 3;
    return (words[i] >>> shift) | (words[i + 1] << (32 - shift));
  }

  @Override
  public long readLong(int address) {
    if ((address & 3) == 0 && address >= 0 && address <= size - 8) {
      int i = address >>> 2;
      return (words[i] & 0xFFFFFFFFL) | (long) words[i + 1] << 32;
    }
    check(address, 8);
    return (readInt(address) & 0xFFFFFFFFL) | (long) readInt(address + 4) << 32;
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

  // Stores.

  @Override
  public void writeByte(int address, byte value) {
    if (Integer.compareUnsigned(address, size) >= 0) {
      throw new WasmRuntimeException(outOfBounds(address, 1));
    }
    int i = address >>> 2;
    int shift = (address & 3) << 3;
    words[i] = (words[i] & ~(0xFF << shift)) | (value & 0xFF) << shift;
  }

  @Override
  public void writeShort(int address, short value) {
    if ((address & 1) == 0 && Integer.compareUnsigned(address, size) < 0) {
      int i = address >>> 2;
      int shift = (address & 2) << 3;
      words[i] = (words[i] & ~(0xFFFF << shift)) | (value & 0xFFFF) << shift;
      return;
    }
    check(address, 2);
    writeByte(address, (byte) value);
    writeByte(address + 1, (byte) (value >>> 8));
  }

  @Override
  public void writeI32(int address, int value) {
    if ((address & 3) == 0 && Integer.compareUnsigned(address, size) < 0) {
      words[address >>> 2] = value;
      return;
    }
    writeIntUnaligned(address, value);
  }

  /** A store at an address that is not a multiple of 4 (or out of bounds). */
  private void writeIntUnaligned(int address, int value) {
    check(address, 4);
    int i = address >>> 2;
    int shift = (address & 3) << 3;
    int low = -1 << shift; // the bits of word i that the value covers
    words[i] = (words[i] & ~low) | value << shift;
    words[i + 1] = (words[i + 1] & low) | value >>> (32 - shift);
  }

  @Override
  public void writeLong(int address, long value) {
    if ((address & 3) == 0 && address >= 0 && address <= size - 8) {
      int i = address >>> 2;
      words[i] = (int) value;
      words[i + 1] = (int) (value >>> 32);
      return;
    }
    check(address, 8);
    writeI32(address, (int) value);
    writeI32(address + 4, (int) (value >>> 32));
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
  private void check(int address, int length) {
    if (!fits(address, length, size)) {
      throw new WasmRuntimeException(outOfBounds(address, length));
    }
  }

  private static boolean fits(int start, int length, int limit) {
    return start >= 0 && length >= 0 && (long) start + length <= limit;
  }

  private String outOfBounds(int address, int length) {
    return "out of bounds memory access: attempted to access address: "
        + Integer.toUnsignedString(address) + " but limit is: " + size + " and size: " + length;
  }
}
