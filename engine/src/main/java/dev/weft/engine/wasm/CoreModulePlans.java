package dev.weft.engine.wasm;

import dev.weft.engine.LinkException;
import dev.weft.wit.abi.StringEncoding;
import dev.weft.wit.binary.ComponentPlan;
import dev.weft.wit.binary.CoreInstanceDef;
import dev.weft.wit.binary.CoreRef;
import dev.weft.wit.binary.LiftedExport;
import dev.weft.wit.binary.LoweredImport;
import dev.weft.wit.binary.PlanOptions;
import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.Export;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.Import;

/**
 * Builds the plan a component would have for a core module and its WIT world, following
 * wit-bindgen's naming: then the module loads exactly like a one-module component. Imports of
 * {@code wasi_snapshot_preview1} (a WASI program, before wit-component adds the adapter) come from
 * an empty core instance that the host's WASI preview 1 fills when it is granted.
 */
final class CoreModulePlans {
  /** The import module name wit-bindgen gives functions the world imports directly. */
  static final String ROOT = "$root";

  /** The import name prefix wit-bindgen gives a resource's drop. */
  static final String RESOURCE_DROP = "[resource-drop]";

  private CoreModulePlans() {}

  static ComponentPlan plan(byte[] bytes, WasmModule module, CoreWorld world, String name) {
    Map<String, Function> wanted = new HashMap<>();
    world.imports().forEach(f -> wanted.put(f.key(), f.function()));
    Map<String, Map<String, CoreRef>> bags = new LinkedHashMap<>();
    /* The function each lowered import stands for, and the interface it comes from. */
    List<Function> importFunctions = new ArrayList<>();
    List<String> importInstances = new ArrayList<>();
    boolean usesWasi = false;
    int n = module.importSection().importCount();
    for (int i = 0; i < n; i++) {
      Import imp = module.importSection().getImport(i);
      if (imp.importType() != ExternalType.FUNCTION) {
        throw new LinkException(
            "`"
                + name
                + "` imports "
                + imp.importType()
                + " `"
                + imp.module()
                + "`.`"
                + imp.name()
                + "`; a core module with a WIT world may import only functions");
      }
      if (imp.module().equals(WasiAdapter.MODULE)) {
        usesWasi = true; // supplied by the host's WASI preview 1, by name (CoreLinker)
        continue;
      }
      String key = imp.module().equals(ROOT) ? imp.name() : imp.module() + "#" + imp.name();
      if (imp.name().startsWith(RESOURCE_DROP)) {
        TypeId r = resource(world, imp.name().substring(RESOURCE_DROP.length()));
        if (r != null) {
          bags.computeIfAbsent(imp.module(), k -> new LinkedHashMap<>())
              .put(imp.name(), new CoreRef.ResourceBuiltin(CoreRef.Kind.DROP, r));
          continue;
        }
      }
      Function f = wanted.get(key);
      if (f == null) {
        throw new LinkException(
            "`" + name + "` imports `" + key + "`, which its WIT world does not declare");
      }
      bags.computeIfAbsent(imp.module(), k -> new LinkedHashMap<>())
          .put(imp.name(), new CoreRef.Lowered(importFunctions.size()));
      importFunctions.add(f);
      importInstances.add(imp.module().equals(ROOT) ? "" : imp.module());
    }
    List<CoreInstanceDef> instances = new ArrayList<>();
    Map<String, Integer> args = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, CoreRef>> b : bags.entrySet()) {
      args.put(b.getKey(), instances.size());
      instances.add(new CoreInstanceDef.Bag(b.getValue()));
    }
    if (usesWasi) {
      args.put(WasiAdapter.MODULE, instances.size());
      instances.add(new CoreInstanceDef.Bag(Map.of()));
    }
    int main = instances.size();
    instances.add(new CoreInstanceDef.Instantiate(0, args));
    Optional<CoreRef> memory = coreExport(module, main, "memory", ExternalType.MEMORY);
    Optional<CoreRef> realloc = coreExport(module, main, "cabi_realloc", ExternalType.FUNCTION);
    PlanOptions importOptions =
        new PlanOptions(StringEncoding.UTF8, memory, realloc, Optional.empty());
    List<LoweredImport> lowered = new ArrayList<>();
    for (int i = 0; i < importFunctions.size(); i++) {
      lowered.add(new LoweredImport(importInstances.get(i), importFunctions.get(i), importOptions));
    }
    List<LiftedExport> exports = new ArrayList<>();
    for (ExportedFunction e : world.exports()) {
      CoreRef f =
          coreExport(module, main, e.key(), ExternalType.FUNCTION)
              .orElseThrow(
                  () ->
                      new LinkException(
                          "`"
                              + name
                              + "` has no core export `"
                              + e.key()
                              + "` for its WIT export"));
      Optional<CoreRef> post =
          coreExport(module, main, "cabi_post_" + e.key(), ExternalType.FUNCTION);
      exports.add(
          new LiftedExport(
              e.key(),
              e.function(),
              f,
              new PlanOptions(StringEncoding.UTF8, memory, realloc, post)));
    }
    return new ComponentPlan(
        List.of(new ComponentPlan.ModuleBinary(bytes)),
        instances,
        lowered,
        exports,
        List.copyOf(bags.keySet()),
        List.of(),
        world.types());
  }

  /**
   * The {@code _initialize} export of the core module of {@code plan} (made by {@link #plan}),
   * which the WASI reactor ABI has a host call once before any other export: wasi-libc runs the
   * program's constructors there. A component gets it called by wit-component's fixup module; a
   * core module only by us.
   */
  static Optional<CoreRef> initializer(ComponentPlan plan, WasmModule module) {
    return coreExport(module, plan.instances().size() - 1, "_initialize", ExternalType.FUNCTION);
  }

  /** The resource named {@code name} that the world's imported functions use, or null. */
  private static TypeId resource(CoreWorld world, String name) {
    for (ExportedFunction f : world.imports()) {
      List<WitType> types = new ArrayList<>();
      f.function().params().forEach(p -> types.add(p.type()));
      f.function().result().ifPresent(types::add);
      for (WitType t : types) {
        WitType u = world.types().unalias(t);
        TypeId id = u instanceof Own o ? o.resource() : u instanceof Borrow b ? b.resource() : null;
        if (id != null && world.types().type(id).name().orElse("").equals(name)) {
          return id;
        }
      }
    }
    return null;
  }

  private static Optional<CoreRef> coreExport(
      WasmModule m, int instance, String name, ExternalType kind) {
    Export e = ModuleTypes.export(m, name);
    return e != null && e.exportType() == kind
        ? Optional.of(new CoreRef.Export(instance, name))
        : Optional.empty();
  }
}
