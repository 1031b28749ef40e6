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
 * @param gatedInterrupts true to send the interruption checks of compiled code through an {@link
 *     InterruptGate} (free until a call is interrupted), false to keep Endive's own check (a
 *     volatile read at every call and backward branch); by default {@link #gateByDefault()}
 */
public record LoadOptions(
    int maxMemoryPages,
    boolean compile,
    Optional<CompileCache> compileCache,
    boolean gatedInterrupts) {
  /** The Wasm limit of a 32-bit memory: 65536 pages of 64 KiB. */
  public static final int MAX_PAGES = 65536;

  /** The system property that overrides {@link #gateByDefault()}: {@code true} or {@code false}. */
  public static final String GATE_PROPERTY = "weft.gated-interrupts";

  /**
   * Whether gated interruption checks are the default: as the system property {@link
   * #GATE_PROPERTY} says when it is set, else from JDK 18 on. Not on JDK 17, where Endive routes
   * some operations of compiled code through its workaround of a C2 bug, and where the gated QR
   * code guest (in-process encode and render) ran at 229-269 us a request in most runs but at
   * 343-391 in 8 of 27, against 245-286 in all 15 runs with Endive's own check (2 cores,
   * 2026-11-24). On JDK 25 it gains: 110-117 us against 120-128, 8 alternating runs each. JDKs 18
   * to 24 were not measured here and get the gate too.
   */
  public static boolean gateByDefault() {
    String value = System.getProperty(GATE_PROPERTY, "").trim();
    return value.isEmpty() ? Runtime.version().feature() > 17 : Boolean.parseBoolean(value);
  }

  /** Options without a compile cache. */
  public LoadOptions(int maxMemoryPages, boolean compile) {
    this(maxMemoryPages, compile, Optional.empty());
  }

  /** Options with this JDK's default for gated interruption checks. */
  public LoadOptions(int maxMemoryPages, boolean compile, Optional<CompileCache> compileCache) {
    this(maxMemoryPages, compile, compileCache, gateByDefault());
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
    return new LoadOptions(maxMemoryPages, compile, cache, gatedInterrupts);
  }

  /** These options with gated interruption checks on or off. */
  public LoadOptions withGatedInterrupts(boolean gated) {
    return new LoadOptions(maxMemoryPages, compile, compileCache, gated);
  }

  /** 1 GiB of memory per instance (16384 pages), compiled. */
  public static LoadOptions defaults() {
    return new LoadOptions(16384, true);
  }
}
