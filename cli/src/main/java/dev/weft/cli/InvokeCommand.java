package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.EngineException;
import dev.weft.engine.wasm.CompileCache;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.ExportedFunction;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Param;
import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft invoke COMPONENT.wasm FUNCTION --input ...}: one call, its result as JSON. */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    description = {
      "Calls one exported function of a component and prints the result as JSON.",
      "FUNCTION is `fn`, `interface#fn` or `ns:pkg/interface@version#fn` (a bare name when unique).",
      "Exit codes: 0 success, 1 the call trapped, 2 bad arguments."
    })
final class InvokeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "a component binary (.wasm)")
  Path file;

  @Parameters(index = "1", paramLabel = "FUNCTION", description = "the export to call")
  String function;

  @Option(names = {"-i", "--input"}, paramLabel = "INPUT",
      description = "arguments: name=value, a JSON object, or @file.json; repeatable")
  List<String> inputs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("weft: component file `" + file + "` does not exist");
      return Main.EXIT_USAGE;
    }
    LoadedComponent c;
    try {
      c = ComponentLoader.load(file, LoadOptions.defaults().withCompileCache(
          CompileCache.defaultDir().map(CompileCache::new)));
    } catch (EngineException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    Optional<ExportedFunction> f = c.findExport(function);
    if (f.isEmpty()) {
      err.println("weft: `" + file.getFileName() + "` has no function `" + function + "`; it exports:");
      for (ExportedFunction e : c.exports().values()) {
        err.println("  " + e.key() + ": " + WitSignatures.of(e.function(), c.types()));
      }
      return Main.EXIT_USAGE;
    }
    Function fn = f.get().function();
    List<WitValue> args;
    try {
      Map<String, InputArgs.Declared> declared = new LinkedHashMap<>();
      fn.params().forEach(p -> declared.put(p.name(), new InputArgs.Declared(p.type(), c.types())));
      args = arguments(InputArgs.parse(inputs, declared), fn, c);
    } catch (InputArgs.BadInput e) {
      err.println("weft: " + e.getMessage() + "; `" + f.get().key() + "` is `"
          + WitSignatures.of(fn, c.types()) + "`");
      return Main.EXIT_USAGE;
    }
    try (ComponentInstance instance = c.instantiate()) {
      Optional<WitValue> r = instance.call(f.get().key(), args);
      JsonNode json = r.isPresent() && fn.result().isPresent()
          ? ValueJson.toJson(r.get(), fn.result().get(), c.types())
          : InputArgs.JSON.nullNode();
      out.println(Output.pretty(json));
      return 0;
    } catch (EngineException e) {
      err.println("weft: " + e.kind().name().toLowerCase() + " error: " + e.getMessage());
      return Main.EXIT_FAILED;
    }
  }

  private static List<WitValue> arguments(ObjectNode given, Function fn, LoadedComponent c)
      throws InputArgs.BadInput {
    List<WitValue> args = new ArrayList<>();
    for (Param p : fn.params()) {
      JsonNode v = given.get(p.name());
      if (v == null) {
        throw new InputArgs.BadInput("missing argument `" + p.name() + "` ("
            + WitSignatures.type(p.type(), c.types()) + ")");
      }
      try {
        args.add(ValueJson.fromJson(v, p.type(), c.types()));
      } catch (ValueException e) {
        throw new InputArgs.BadInput("argument `" + p.name() + "`: " + e.getMessage());
      }
    }
    for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (fn.params().stream().noneMatch(p -> p.name().equals(name))) {
        throw new InputArgs.BadInput("unknown argument `" + name + "` (parameters: "
            + fn.params().stream().map(Param::name).collect(Collectors.joining(", ")) + ")");
      }
    }
    return args;
  }
}
