package dev.weft.cli;

import dev.weft.engine.EngineException;
import dev.weft.engine.wasm.ComponentDescription;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.wit.binary.BinaryFormatException;
import dev.weft.wit.binary.ComponentReader;
import dev.weft.wit.binary.Section;
import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft inspect COMPONENT.wasm}: its world, core modules, imports and exports. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Prints a component's WIT world (imports and exports with their types) and its core modules.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "a component binary (.wasm)")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      err.println("weft: cannot read `" + file + "`: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    ComponentDescription d;
    List<Section> sections;
    try {
      d = ComponentLoader.describe(bytes, file.getFileName().toString());
      sections = ComponentReader.read(bytes);
    } catch (EngineException | BinaryFormatException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    out.println("// " + file + ": " + bytes.length + " bytes");
    int m = 0;
    for (Section s : sections) {
      if (s instanceof Section.CoreModule c) {
        out.println("// core module " + m++ + ": " + c.bytes().length + " bytes");
      }
    }
    if (d.wasiPreview1()) {
      out.println("// a WASI preview 1 program (it uses wasi_snapshot_preview1): Weft runs it on its own WASI");
      out.println("// preview 1, in place of wit-component's adapter and its wasi:* imports when it carries one,");
      out.println("// when its flow grants it with `grants: {wasi: ...}` (docs/host.md)");
    }
    printTypes(out, d);
    out.println("world " + worldName(file) + " {");
    print(out, "import", d.imports(), d.types());
    print(out, "export", d.exports(), d.types());
    out.println("}");
    out.flush();
    return 0;
  }

  /** The named types the signatures use, as WIT declarations, before the world. */
  private static void printTypes(PrintWriter out, ComponentDescription d) {
    Set<TypeId> used = new LinkedHashSet<>();
    for (Function f : d.imports().values()) {
      collect(f, d.types(), used);
    }
    for (Function f : d.exports().values()) {
      collect(f, d.types(), used);
    }
    if (used.isEmpty()) {
      return;
    }
    out.println("// types used below");
    for (TypeId id : used) {
      TypeDef def = d.types().type(id);
      if (def.name().isPresent()) {
        out.println("// " + WitSignatures.definition(def, d.types()));
      }
    }
  }

  private static void collect(Function f, TypeTable types, Set<TypeId> used) {
    f.params().forEach(p -> collect(p.type(), types, used));
    f.result().ifPresent(r -> collect(r, types, used));
  }

  private static void collect(WitType t, TypeTable types, Set<TypeId> used) {
    switch (t.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT,
          ENUM, FLAGS, RESOURCE -> { }
      case LIST -> collect(((ListType) t).element(), types, used);
      case FIXED_LIST -> collect(((FixedListType) t).element(), types, used);
      case MAP -> {
        collect(((dev.weft.wit.model.MapType) t).key(), types, used);
        collect(((dev.weft.wit.model.MapType) t).value(), types, used);
      }
      case OPTION -> collect(((OptionType) t).some(), types, used);
      case RESULT -> {
        ((ResultType) t).ok().ifPresent(x -> collect(x, types, used));
        ((ResultType) t).err().ifPresent(x -> collect(x, types, used));
      }
      case TUPLE -> ((TupleType) t).types().forEach(x -> collect(x, types, used));
      case RECORD -> ((RecordType) t).fields().forEach(f -> collect(f.type(), types, used));
      case VARIANT -> ((VariantType) t).cases().forEach(c -> c.type().ifPresent(x -> collect(x, types, used)));
      case OWN -> named(((Own) t).resource(), types, used);
      case BORROW -> named(((Borrow) t).resource(), types, used);
      case FUTURE -> ((FutureType) t).element().ifPresent(x -> collect(x, types, used));
      case STREAM -> ((StreamType) t).element().ifPresent(x -> collect(x, types, used));
      case NAMED -> named(((Named) t).id(), types, used);
    }
  }

  private static void named(TypeId id, TypeTable types, Set<TypeId> used) {
    if (used.add(id)) {
      collect(types.type(id).definition(), types, used);
    }
  }

  private static void print(PrintWriter out, String dir, Map<String, Function> fns, TypeTable types) {
    Map<String, Map<String, Function>> byInterface = new LinkedHashMap<>();
    for (var e : fns.entrySet()) {
      int hash = e.getKey().indexOf('#');
      String iface = hash < 0 ? "" : e.getKey().substring(0, hash);
      byInterface.computeIfAbsent(iface, k -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
    }
    for (var g : byInterface.entrySet()) {
      if (g.getKey().isEmpty()) {
        for (var f : g.getValue().entrySet()) {
          out.println("  " + dir + " " + f.getKey() + ": " + WitSignatures.of(f.getValue(), types) + ";");
        }
      } else {
        out.println("  " + dir + " " + g.getKey() + ": interface {");
        for (var f : g.getValue().entrySet()) {
          out.println("    " + f.getValue().name() + ": " + WitSignatures.of(f.getValue(), types) + ";");
        }
        out.println("  }");
      }
    }
  }

  private static String worldName(Path file) {
    String n = file.getFileName().toString().replaceFirst("\\.wasm$", "").toLowerCase();
    n = n.replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "component" : n;
  }
}
