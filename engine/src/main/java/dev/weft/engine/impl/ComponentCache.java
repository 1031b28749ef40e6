package dev.weft.engine.impl;

import dev.weft.engine.EngineException;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.ExportedFunction;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.flows.ast.ComponentDecl;
import dev.weft.flows.check.ComponentCatalog;
import dev.weft.flows.check.ComponentSignature;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.model.Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads components once per engine: a component used by several flows, or loaded again after an
 * unchanged flow is reloaded, is parsed and compiled only once. Also the {@link
 * ComponentCatalog} the flow checker reads signatures from. Thread-safe.
 */
public final class ComponentCache implements ComponentCatalog {
  private record Key(Path path, long size, long modified, int maxPages) {}

  private final Map<Key, LoadedComponent> loaded = new ConcurrentHashMap<>();
  private final LoadOptions defaults;

  public ComponentCache(LoadOptions defaults) {
    this.defaults = defaults;
  }

  /**
   * The component at {@code wasm}, loading it on first use.
   *
   * @throws EngineException when it cannot be read or loaded
   */
  public LoadedComponent get(Path wasm, Optional<Long> memoryLimitBytes) {
    LoadOptions options = options(memoryLimitBytes);
    Key key;
    try {
      Path real = wasm.toRealPath();
      key = new Key(real, Files.size(real), Files.getLastModifiedTime(real).toMillis(), options.maxMemoryPages());
    } catch (IOException e) {
      throw new dev.weft.engine.LinkException("cannot read component `" + wasm + "`: " + e.getMessage(), e);
    }
    return loaded.computeIfAbsent(key, k -> ComponentLoader.load(k.path(), options));
  }

  private LoadOptions options(Optional<Long> memoryLimitBytes) {
    if (memoryLimitBytes.isEmpty()) {
      return defaults;
    }
    int pages = (int) Math.max(1, Math.min(65536, (memoryLimitBytes.get() + 65535) / 65536));
    return new LoadOptions(pages, defaults.compile(), defaults.compileCache());
  }

  @Override
  public Optional<ComponentSignature> signature(ComponentDecl decl, Path wasm, Diagnostics diags) {
    if (!Files.isRegularFile(wasm)) {
      diags.error(
          "FLOW0102",
          "component file `" + decl.wasm().name() + "` not found",
          decl.wasm().span(),
          "paths are relative to the flow file; looked for " + wasm);
      return Optional.empty();
    }
    LoadedComponent c;
    try {
      c = get(wasm, decl.memoryLimitBytes());
    } catch (EngineException e) {
      diags.error(
          "FLOW0102",
          "cannot load component `" + decl.name().name() + "`: " + e.getMessage(),
          decl.wasm().span(),
          "check that the file is a WebAssembly component (`weft inspect " + decl.wasm().name() + "`)");
      return Optional.empty();
    }
    Map<String, Function> exports = new LinkedHashMap<>();
    for (ExportedFunction f : c.exports().values()) {
      exports.put(f.key(), f.function());
    }
    return Optional.of(new ComponentSignature(c.types(), exports));
  }
}
