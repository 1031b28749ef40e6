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
 * back: its own memories (page by page, all-zero pages left out), its own mutable globals, and its
 * own tables (each entry a function index and the core instance it belongs to). What it imports
 * belongs to the instance that exports it. Immutable once captured.
 */
final class CoreImage {
  private static final byte[] ZERO_PAGE = new byte[Memory.PAGE_SIZE];

  /** Per memory the core instance defines: its pages, null where a page holds only zeros. */
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
      byte[][][] memories,
      int[] globals,
      long[] low,
      long[] high,
      int[] globalOwners,
      int[][] refs,
      int[][] owners) {
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
    byte[][][] memories = new byte[definedMemories][][];
    for (int k = 0; k < definedMemories; k++) {
      memories[k] = pages(core.memory(importedMemories + k));
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
    return new CoreImage(memories, globals, low, high, globalOwners, refs, owners);
  }

  private static byte[][] pages(Memory memory) {
    byte[][] pages = new byte[memory.pages()][];
    for (int p = 0; p < pages.length; p++) {
      byte[] page = memory.readBytes(p * Memory.PAGE_SIZE, Memory.PAGE_SIZE);
      pages[p] = Arrays.equals(page, ZERO_PAGE) ? null : page;
    }
    return pages;
  }

  private static int indexOf(Instance[] all, Instance instance) {
    for (int i = 0; i < all.length; i++) {
      if (all[i] == instance && instance != null) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Puts the memories and globals back into {@code core}: a memory grows to the captured size (a
   * memory that grew further keeps its size, zeroed past the captured end, since Wasm memory never
   * shrinks), then every page is written. Tables are restored separately, once every core instance
   * they may point to exists ({@link #restoreTables}).
   *
   * @return false when a memory cannot grow to the captured size (a lower memory limit)
   */
  boolean restoreMemoriesAndGlobals(Instance core, Instance[] all) {
    int importedMemories = core.module().importSection().count(ExternalType.MEMORY);
    for (int k = 0; k < memories.length; k++) {
      if (!restore(core.memory(importedMemories + k), memories[k])) {
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

  private static boolean restore(Memory memory, byte[][] pages) {
    int had = memory.pages();
    if (had < pages.length && memory.grow(pages.length - had) < 0) {
      return false;
    }
    for (int p = 0; p < pages.length; p++) {
      if (pages[p] != null) {
        memory.write(p * Memory.PAGE_SIZE, pages[p], 0, Memory.PAGE_SIZE);
      } else if (p < had) {
        memory.fill((byte) 0, p * Memory.PAGE_SIZE, (p + 1) * Memory.PAGE_SIZE);
      } // else: the page was added just now, and holds zeros
    }
    if (had > pages.length) {
      memory.fill((byte) 0, pages.length * Memory.PAGE_SIZE, had * Memory.PAGE_SIZE);
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
    int importedTables = core.module().importSection().count(ExternalType.TABLE);
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
    for (byte[][] m : memories) {
      n += (long) m.length * Memory.PAGE_SIZE;
    }
    return n;
  }

  /** The bytes kept: the pages that are not all zeros. */
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
