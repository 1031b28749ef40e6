package dev.weft.engine.wasm;

import java.util.Objects;
import java.util.Optional;

/**
 * How to load a component.
 *
 * @param maxMemoryPages the most 64 KiB pages any core memory of an instance may grow to
 * @param compile true to compile core modules to JVM bytecode with Endive's compiler, false to
 *     interpret them (faster to load, slower to run)
 * @param compileCache where compiled classes are kept between runs, if anywhere
 */
public record LoadOptions(
    int maxMemoryPages, boolean compile, Optional<CompileCache> compileCache) {
  /** The Wasm limit of a 32-bit memory: 65536 pages of 64 KiB. */
  public static final int MAX_PAGES = 65536;

  /** Options without a compile cache. */
  public LoadOptions(int maxMemoryPages, boolean compile) {
    this(maxMemoryPages, compile, Optional.empty());
  }

  public LoadOptions {
    Objects.requireNonNull(compileCache, "compileCache");
    if (maxMemoryPages < 1 || maxMemoryPages > MAX_PAGES) {
      throw new IllegalArgumentException(
          "maxMemoryPages must be 1 to " + MAX_PAGES + ", got " + maxMemoryPages);
    }
  }

  /** These options with compiled classes kept in {@code cache}. */
  public LoadOptions withCompileCache(Optional<CompileCache> cache) {
    return new LoadOptions(maxMemoryPages, compile, cache);
  }

  /** 1 GiB of memory per instance (16384 pages), compiled. */
  public static LoadOptions defaults() {
    return new LoadOptions(16384, true);
  }
}
