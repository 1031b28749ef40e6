package dev.weft.wit.binary;

import dev.weft.wit.model.TypeTable;
import java.util.List;

/**
 * A decoded component, flat and index-based, ready to be replayed by every instance: its core
 * module binaries, the core instances to make in order, the host imports it lowers, the functions
 * it exports, the resource types it defines itself, and the WIT types they use. Immutable; the
 * module byte arrays must not be modified.
 */
public record ComponentPlan(
    List<ModuleBinary> modules,
    List<CoreInstanceDef> instances,
    List<LoweredImport> imports,
    List<LiftedExport> exports,
    List<String> importNames,
    List<LocalResource> resources,
    TypeTable types) {
  public ComponentPlan {
    modules = List.copyOf(modules);
    instances = List.copyOf(instances);
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
    importNames = List.copyOf(importNames);
    resources = List.copyOf(resources);
  }

  /** A core module's binary, compared by identity (it is large and never compared). */
  public static final class ModuleBinary {
    private final byte[] bytes;

    public ModuleBinary(byte[] bytes) {
      this.bytes = bytes;
    }

    /** The module's bytes; do not modify them. */
    public byte[] bytes() {
      return bytes;
    }
  }
}
