package dev.weft.engine.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import run.endive.runtime.GlobalInstance;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.TableInstance;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.MemorySection;
import run.endive.wasm.types.MutabilityType;
import run.endive.wasm.types.Value;

/**
 * The state of one core instance that running code can change and instantiation would not give
 * back: its own memories (in chunks, all-zero chunks left out), its own mutable globals, and its
 * own tables (each entry a function index and the core instance it belongs to). What it imports
 * belongs to the instance that exports it. Immutable once captured.
 */
final class CoreImage {
  /**
   * Memory is kept in chunks of 4 KiB, null where a chunk holds only zeros: a seeded memory's new
   * pages are zero already, so only what initialisation wrote is copied (a few KiB for a component
   * whose data segments are small, where whole 64 KiB pages would cost more than copying the
   * segments again).
   */
  static final int CHUNK = 4096;

  private static final byte[] ZERO_CHUNK = new byte[CHUNK];

  /** Memories and tables the core instance imports: its own are numbered after them. */
  private final int importedMemories;

  private final int importedTables;

  /** Per memory the core instance defines: its size in pages. */
  private final int[] pages;

  /** Per memory the core instance defines: its chunks. */
  private final byte[][][] memories;

  private final int[] globals;
  private final long[] low;
  private final long[] high;

  /** Per global: the core instance its function reference belongs to, or -1. */
  private final int[] globalOwners;

  /** Per table the core instance defines: each entry's function index, and its core instance. */
  private final int[][] refs;

  private final int[][] owners;

  private CoreImage(
      int importedMemories,
      int importedTables,
      int[] pages,
      byte[][][] memories,
      int[] globals,
      long[] low,
      long[] high,
      int[] globalOwners,
      int[][] refs,
      int[][] owners) {
    this.importedMemories = importedMemories;
    this.importedTables = importedTables;
    this.pages = pages;
    this.memories = memories;
    this.globals = globals;
    this.low = low;
    this.high = high;
    this.globalOwners = globalOwners;
    this.refs = refs;
    this.owners = owners;
  }

  /**
   * Captures {@code core}, one of {@code all} (the core instances of one component instance, by
   * plan index), which references in tables and globals are numbered against.
   *
   * @throws IllegalStateException when a table or global holds a host object (externref, GC
   *     reference), which a snapshot cannot carry to another instance
   */
  static CoreImage capture(Instance core, Instance[] all) {
    WasmModule m = core.module();
    int importedMemories = m.importSection().count(ExternalType.MEMORY);
    int definedMemories = m.memorySection().map(MemorySection::memoryCount).orElse(0);
    int[] pages = new int[definedMemories];
    byte[][][] memories = new byte[definedMemories][][];
    for (int k = 0; k < definedMemories; k++) {
      Memory memory = core.memory(importedMemories + k);
      pages[k] = memory.pages();
      memories[k] = chunks(memory);
    }
    int importedGlobals = m.importSection().count(ExternalType.GLOBAL);
    List<Integer> mutable = new ArrayList<>();
    for (int g = 0; g < m.globalSection().globalCount(); g++) {
      if (m.globalSection().getGlobal(g).mutabilityType() == MutabilityType.Var) {
        mutable.add(importedGlobals + g);
      }
    }
    int[] globals = mutable.stream().mapToInt(Integer::intValue).toArray();
    long[] low = new long[globals.length];
    long[] high = new long[globals.length];
    int[] globalOwners = new int[globals.length];
    for (int k = 0; k < globals.length; k++) {
      GlobalInstance g = core.global(globals[k]);
      if (g.getRefValue() != null) {
        throw new IllegalStateException("global " + globals[k] + " holds a host reference");
      }
      low[k] = g.getValueLow();
      high[k] = g.getValueHigh();
      globalOwners[k] = g.getType().isReference() ? indexOf(all, g.getInstance()) : -1;
    }
    int importedTables = m.importSection().count(ExternalType.TABLE);
    int definedTables = m.tableSection().tableCount();
    int[][] refs = new int[definedTables][];
    int[][] owners = new int[definedTables][];
    for (int k = 0; k < definedTables; k++) {
      TableInstance t = core.table(importedTables + k);
      refs[k] = new int[t.size()];
      owners[k] = new int[t.size()];
      for (int j = 0; j < t.size(); j++) {
        if (t.objRef(j) != null) {
          throw new IllegalStateException(
              "table " + (importedTables + k) + " holds a host reference at " + j);
        }
        refs[k][j] = t.ref(j);
        owners[k][j] = refs[k][j] == Value.REF_NULL_VALUE ? -1 : indexOf(all, t.instance(j));
        if (refs[k][j] != Value.REF_NULL_VALUE && owners[k][j] < 0) {
          throw new IllegalStateException(
              "table " + (importedTables + k) + " holds a function of another instance at " + j);
        }
      }
    }
    return new CoreImage(
        importedMemories,
        importedTables,
        pages,
        memories,
        globals,
        low,
        high,
        globalOwners,
        refs,
        owners);
  }

  private static byte[][] chunks(Memory memory) {
    byte[][] chunks = new byte[memory.pages() * (Memory.PAGE_SIZE / CHUNK)][];
    for (int c = 0; c < chunks.length; c++) {
      byte[] chunk = memory.readBytes(c * CHUNK, CHUNK);
      chunks[c] = Arrays.equals(chunk, ZERO_CHUNK) ? null : chunk;
    }
    return chunks;
  }

  private static int indexOf(Instance[] all, Instance instance) {
    for (int i = 0; i < all.length; i++) {
      if (all[i] == instance && instance != null) {
        return i;
      }
    }
    return -1;
  }

  /** The captured size, in pages, of the {@code k}th memory the core instance defines. */
  int memoryPages(int k) {
    return pages[k];
  }

  /**
   * Puts the memories and globals back into {@code core}: a memory grows to the captured size (a
   * memory that grew further keeps its size, zeroed past the captured end, since Wasm memory never
   * shrinks), then the captured chunks are written and the others zeroed where they may not be.
   * Tables are restored separately, once every core instance they may point to exists ({@link
   * #restoreTables}).
   *
   * @param fresh whether {@code core}'s memories were just made, all zeros (for seeding), so that
   *     only the captured chunks need writing
   * @return false when a memory cannot grow to the captured size (a lower memory limit)
   */
  boolean restoreMemoriesAndGlobals(Instance core, Instance[] all, boolean fresh) {
    for (int k = 0; k < memories.length; k++) {
      if (!restore(core.memory(importedMemories + k), pages[k], memories[k], fresh)) {
        return false;
      }
    }
    for (int k = 0; k < globals.length; k++) {
      GlobalInstance g = core.global(globals[k]);
      g.setValueLow(low[k]);
      g.setValueHigh(high[k]);
      if (globalOwners[k] >= 0) {
        g.setInstance(all[globalOwners[k]]);
      }
    }
    return true;
  }

  private static boolean restore(Memory memory, int pages, byte[][] chunks, boolean fresh) {
    int had = memory.pages();
    if (had < pages && memory.grow(pages - had) < 0) {
      return false;
    }
    // chunks that may hold anything; the rest are new
    int dirty = fresh ? 0 : had * (Memory.PAGE_SIZE / CHUNK);
    for (int c = 0; c < chunks.length; c++) {
      if (chunks[c] != null) {
        memory.write(c * CHUNK, chunks[c], 0, CHUNK);
      } else if (c < dirty) {
        memory.fill((byte) 0, c * CHUNK, (c + 1) * CHUNK);
      }
    }
    if (had > pages) {
      memory.fill((byte) 0, pages * Memory.PAGE_SIZE, had * Memory.PAGE_SIZE);
    }
    return true;
  }

  /**
   * Puts the tables back into {@code core}: same size (entries past the captured end, after a
   * {@code table.grow}, become null), same functions of the same core instances of {@code all}.
   *
   * @return false when a table cannot grow to the captured size
   */
  boolean restoreTables(Instance core, Instance[] all) {
    for (int k = 0; k < refs.length; k++) {
      TableInstance t = core.table(importedTables + k);
      int n = refs[k].length;
      if (t.size() < n && t.grow(n - t.size(), Value.REF_NULL_VALUE, null) < 0) {
        return false;
      }
      for (int j = 0; j < n; j++) {
        t.setRef(j, refs[k][j], owners[k][j] < 0 ? null : all[owners[k][j]]);
      }
      for (int j = n; j < t.size(); j++) {
        t.setRef(j, Value.REF_NULL_VALUE, null);
      }
    }
    return true;
  }

  /** The bytes of the memories captured: their full size. */
  long memoryBytes() {
    long n = 0;
    for (int p : pages) {
      n += (long) p * Memory.PAGE_SIZE;
    }
    return n;
  }

  /** The bytes kept: the chunks that are not all zeros. */
  long retainedBytes() {
    long n = 0;
    for (byte[][] m : memories) {
      for (byte[] p : m) {
        n += p == null ? 0 : p.length;
      }
    }
    return n;
  }
}
