package dev.weft.engine.wasm;

import java.util.HashMap;
import java.util.Map;
import run.endive.runtime.ImportFunction;
import run.endive.wasi.WasiOptions;
import run.endive.wasi.WasiPreview1;

/**
 * The WASI preview 1 of one component instance: the functions of module {@code
 * wasi_snapshot_preview1} its core modules import in place of wit-component's adapter. One per
 * instance, made when the instance is made ({@link HostImports.Builder#withWasiPreview1}); used by
 * that instance's thread only, so implementations need not be thread-safe.
 */
public interface WasiHost extends AutoCloseable {
  /**
   * The functions, by WASI name ({@code fd_write}, {@code path_open}...), each with its core
   * type; a core module importing one with another type does not link.
   */
  Map<String, ImportFunction> functions();

  /**
   * Called after each call into the instance returns or fails: for example to write out output
   * that did not end with a newline. Does nothing by default.
   */
  default void callEnded() {}

  /** Releases what the instance opened (files, folders). */
  @Override
  void close();

  /**
   * Endive's WASI preview 1 exactly as {@code options} configure it: its folders are writable. For
   * tests and embedders that want it so; flows get theirs from {@code grants: {wasi: ...}}, whose
   * folders are read-only.
   */
  static WasiHost of(WasiOptions options) {
    WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build();
    Map<String, ImportFunction> functions = new HashMap<>();
    for (run.endive.runtime.HostFunction f : wasi.toHostFunctions()) {
      functions.put(f.name(), f);
    }
    Map<String, ImportFunction> all = Map.copyOf(functions);
    return new WasiHost() {
      @Override
      public Map<String, ImportFunction> functions() {
        return all;
      }

      @Override
      public void close() {
        wasi.close();
      }
    };
  }
}
