package dev.weft.engine.wasm;

import run.endive.runtime.Instance;

/**
 * The state of a component instance, to seed new instances with instead of running guest
 * initialisation again ({@link LoadedComponent#instantiate(InstanceSnapshot)}), or to put an
 * instance back into ({@link ComponentInstance#reset}): per core instance, the memories, mutable
 * globals and tables it defines. Immutable and thread-safe; belongs to the {@link LoadedComponent}
 * it was taken from.
 *
 * <p>What a snapshot cannot hold makes {@link ComponentInstance#snapshot()} refuse: resource
 * handles, and host objects in tables or globals. Host state is not in it either: a seeded instance
 * gets its own WASI and host capabilities, as a fresh one does.
 */
public final class InstanceSnapshot {
  private final LoadedComponent component;

  /** Per core instance, by plan index: its image, or null (export bags, left-out adapters). */
  private final CoreImage[] cores;

  private InstanceSnapshot(LoadedComponent component, CoreImage[] cores) {
    this.component = component;
    this.cores = cores;
  }

  /** Captures the core instances of an instance of {@code component}. */
  static InstanceSnapshot capture(LoadedComponent component, Instance[] cores) {
    CoreImage[] images = new CoreImage[cores.length];
    for (int i = 0; i < cores.length; i++) {
      if (cores[i] != null) {
        images[i] = CoreImage.capture(cores[i], cores);
      }
    }
    return new InstanceSnapshot(component, images);
  }

  LoadedComponent component() {
    return component;
  }

  /**
   * Restores core instance {@code i}'s memories and globals: for seeding, right after that core
   * instance is made (before later ones import its memory), and for a reset.
   *
   * @param fresh whether its memories were just made (seeding), all zeros
   * @return false when a memory cannot grow to the captured size
   */
  boolean restoreCore(int i, Instance[] all, boolean fresh) {
    return cores[i] == null || cores[i].restoreMemoriesAndGlobals(all[i], all, fresh);
  }

  /**
   * The captured size, in pages, of the {@code k}th memory core instance {@code i} defines, or 0
   * when the snapshot has none (a core instance it did not capture).
   */
  int memoryPages(int i, int k) {
    return cores[i] == null ? 0 : cores[i].memoryPages(k);
  }

  /**
   * Restores every core instance's tables (after all of them exist: an entry may point to any).
   *
   * @return false when a table cannot grow to the captured size
   */
  boolean restoreTables(Instance[] all) {
    for (int i = 0; i < cores.length; i++) {
      if (cores[i] != null && !cores[i].restoreTables(all[i], all)) {
        return false;
      }
    }
    return true;
  }

  /** The size of the memories captured, summed over the core instances, in bytes. */
  public long memoryBytes() {
    long n = 0;
    for (CoreImage c : cores) {
      n += c == null ? 0 : c.memoryBytes();
    }
    return n;
  }

  /** The bytes of memory the snapshot keeps: the 4 KiB chunks that are not all zeros. */
  public long retainedBytes() {
    long n = 0;
    for (CoreImage c : cores) {
      n += c == null ? 0 : c.retainedBytes();
    }
    return n;
  }
}
