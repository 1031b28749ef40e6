package dev.weft.engine.impl;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.LinkException;
import dev.weft.engine.host.GrantCheck;
import dev.weft.engine.host.HostEnvironment;
import dev.weft.engine.host.HostInterface;
import dev.weft.engine.wasm.ComponentDescription;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.ExportedFunction;
import dev.weft.engine.wasm.HostImports;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.flows.ast.ComponentDecl;
import dev.weft.flows.check.ComponentCatalog;
import dev.weft.flows.check.ComponentSignature;
import dev.weft.flows.host.Grants;
import dev.weft.flows.host.GrantsDecl;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads components once per engine: a component used by several flows, or loaded again after an
 * unchanged flow is reloaded, is parsed and compiled only once. Also the {@link
 * ComponentCatalog} the flow checker reads signatures from, checking each component's imports
 * against its grants. Thread-safe.
 *
 * <p>A component's host imports are fixed when it is loaded, so the same binary under other
 * grants (or another flow name, which its log lines carry) is another entry; the compile cache on
 * disk keeps that from compiling it again.
 */
public final class ComponentCache implements ComponentCatalog {
  private record Key(Path path, long size, long modified, int maxPages, String component, Grants grants) {}

  private final Map<Key, LoadedComponent> loaded = new ConcurrentHashMap<>();
  private final LoadOptions defaults;
  private final Optional<HostEnvironment> host;

  /**
   * A cache for checking flows without running them: components import stand-ins of the host
   * functions their grants allow, which fail if called.
   */
  public ComponentCache(LoadOptions defaults) {
    this.defaults = defaults;
    this.host = Optional.empty();
  }

  /** A cache whose components import {@code weft:host} from {@code host}, as their grants allow. */
  public ComponentCache(LoadOptions defaults, HostEnvironment host) {
    this.defaults = defaults;
    this.host = Optional.of(host);
  }

  /**
   * The component at {@code wasm}, granted nothing, loading it on first use.
   *
   * @throws EngineException when it cannot be read or loaded
   */
  public LoadedComponent get(Path wasm, Optional<Long> memoryLimitBytes) {
    return get(wasm, memoryLimitBytes, "", Grants.NONE);
  }

  /**
   * The component at {@code wasm}, named {@code component} in its flow and importing what {@code
   * grants} allows, loading it on first use.
   *
   * @throws EngineException when it cannot be read or loaded, or imports what is not granted
   */
  public LoadedComponent get(Path wasm, Optional<Long> memoryLimitBytes, String component, Grants grants) {
    LoadOptions options = options(memoryLimitBytes);
    Key key;
    try {
      Path real = wasm.toRealPath();
      key = new Key(real, Files.size(real), Files.getLastModifiedTime(real).toMillis(), options.maxMemoryPages(),
          component, grants);
    } catch (IOException e) {
      throw new LinkException("cannot read component `" + wasm + "`: " + e.getMessage(), e);
    }
    return loaded.computeIfAbsent(key, k -> ComponentLoader.load(k.path(), options, imports(component, grants)));
  }

  private HostImports imports(String component, Grants grants) {
    return host.map(h -> h.importsFor(component, grants)).orElseGet(() -> stubs(grants));
  }

  /**
   * For a cache that only checks: every granted host function, failing if it is ever called, and
   * a WASI preview 1 that fails if an instance is ever made, so that a component loads (and its
   * exports are bound and checked) as it would in an engine.
   */
  private static HostImports stubs(Grants grants) {
    HostImports.Builder b = HostImports.builder();
    for (HostInterface i : HostInterface.values()) {
      if (grants.grants(i.grantKey())) {
        for (String fn : i.functions()) {
          b.withFunction(i.key(fn), args -> {
            throw new EngineException(ErrorKind.HOST, "`" + i.key(fn) + "` is not available when only checking flows");
          });
        }
      }
    }
    if (grants.wasi().isPresent()) {
      b.withWasiPreview1(() -> {
        throw new EngineException(ErrorKind.HOST, "WASI is not available when only checking flows");
      });
    }
    return b.build();
  }

  private LoadOptions options(Optional<Long> memoryLimitBytes) {
    if (memoryLimitBytes.isEmpty()) {
      return defaults;
    }
    int pages = (int) Math.max(1, Math.min(65536, (memoryLimitBytes.get() + 65535) / 65536));
    return new LoadOptions(
        pages, defaults.compile(), defaults.compileCache(), defaults.gatedInterrupts());
  }

  @Override
  public Optional<ComponentSignature> signature(ComponentDecl decl, Path wasm, Diagnostics diags) {
    return signature(decl, wasm, decl.grants().map(GrantsDecl::grants).orElse(Grants.NONE), diags);
  }

  @Override
  public Optional<ComponentSignature> signature(
      ComponentDecl decl, Path wasm, Grants grants, Diagnostics diags) {
    if (!Files.isRegularFile(wasm)) {
      diags.error(
          "FLOW0102",
          "component file `" + decl.wasm().name() + "` not found",
          decl.wasm().span(),
          "paths are relative to the flow file; looked for " + dev.weft.flows.FlowPaths.display(wasm));
      return Optional.empty();
    }
    ComponentDescription description;
    try {
      description = ComponentLoader.describe(Files.readAllBytes(wasm), wasm.getFileName().toString());
    } catch (IOException | EngineException e) {
      cannotLoad(decl, e, diags);
      return Optional.empty();
    }
    String name = decl.name().name();
    Span at = decl.grants().map(GrantsDecl::span).orElse(decl.name().span());
    List<GrantCheck.Problem> problems = GrantCheck.check(name, description, grants);
    problems.forEach(p -> diags.error(p.code(), p.message(), at, p.help()));
    if (!problems.isEmpty()) {
      // The exports are all the flow checker needs; nodes calling them are still checked.
      return Optional.of(new ComponentSignature(description.types(), description.exports()));
    }
    LoadedComponent c;
    try {
      c = get(wasm, decl.memoryLimitBytes(), name, grants);
    } catch (EngineException e) {
      cannotLoad(decl, e, diags);
      return Optional.empty();
    }
    Map<String, Function> exports = new LinkedHashMap<>();
    for (ExportedFunction f : c.exports().values()) {
      exports.put(f.key(), f.function());
    }
    return Optional.of(new ComponentSignature(c.types(), exports));
  }

  private static void cannotLoad(ComponentDecl decl, Exception e, Diagnostics diags) {
    diags.error(
        "FLOW0102",
        "cannot load component `" + decl.name().name() + "`: " + e.getMessage(),
        decl.wasm().span(),
        "check that the file is a WebAssembly component (`weft inspect " + decl.wasm().name() + "`)");
  }
}
