package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunException;
import dev.weft.engine.RunResult;
import dev.weft.engine.host.HostOptions;
import dev.weft.engine.wasm.CompileCache;
import dev.weft.flows.FlowException;
import dev.weft.flows.model.FlowInput;
import dev.weft.server.ServeException;
import dev.weft.server.ServerConfig;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.value.WitValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft run FLOW --input name=value ... [-o file] [--trace] [--redis URL]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a flow once and prints its output as JSON.",
      "Exit codes: 0 success, 1 the flow failed (trap, timeout...), 2 bad flow or input."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FLOW", description = "the flow file (YAML)")
  Path flow;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "INPUT",
      description = {
        "an input: name=value (value read as JSON when it parses, else as a string),",
        "a JSON object of inputs, or @file.json; repeatable"
      })
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "write the output to FILE: raw bytes when it is one list<u8> field, else JSON")
  Path outputFile;

  @Option(names = "--trace", description = "print each node's timing and the critical path to stderr")
  boolean trace;

  @Option(names = "--trace-json", paramLabel = "FILE",
      description = "write the run's timeline in Chrome trace format (open it in Perfetto)")
  Path traceJson;

  @Option(names = "--interpret", description = "interpret Wasm instead of compiling it (faster start, slower run)")
  boolean interpret;

  @Option(names = "--redis", paramLabel = "URL",
      description = "run KV (built-in kv.* nodes, components' weft:host/kv) on this Redis, e.g. redis://127.0.0.1:6379 (default: $WEFT_REDIS_URL, else in memory)")
  String redis;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (redis == null) {
      Optional<String> bad = HostOptions.environmentProblem();
      if (bad.isPresent()) {
        err.println("weft: " + bad.get());
        return Main.EXIT_USAGE;
      }
    }
    EngineOptions options =
        EngineOptions.defaults()
            .withCompile(!interpret)
            .withCompileCache(CompileCache.defaultDir());
    if (redis != null) {
      try {
        options = options.withRedisUrl(ServerConfig.redisUrl(redis, null));
      } catch (ServeException e) {
        err.println("weft: --redis: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
    }
    try (Engine engine = Engine.create(options)) {
      LoadedFlow loaded;
      try {
        loaded = engine.load(flow);
      } catch (FlowException e) {
        err.print(Problems.render(e));
        err.flush();
        return Main.EXIT_USAGE;
      }
      ObjectNode input;
      try {
        input = InputArgs.parse(inputs, declared(loaded));
      } catch (InputArgs.BadInput e) {
        err.println("weft: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
      RunResult result;
      try {
        result = engine.run(loaded, input).toCompletionStage().toCompletableFuture().get();
      } catch (ExecutionException e) {
        return Problems.runFailed(e.getCause(), loaded, err);
      }
      if (trace) {
        Trace.print(result, loaded.graph(), err);
      }
      if (traceJson != null) {
        try {
          Files.writeString(traceJson, Output.pretty(Trace.chromeTrace(result, loaded.graph())) + "\n");
        } catch (IOException e) {
          err.println("weft: cannot write `" + traceJson + "`: " + e.getMessage());
          return Main.EXIT_FAILED;
        }
      }
      return write(result, out, err);
    }
  }

  private int write(RunResult result, PrintWriter out, PrintWriter err) {
    if (outputFile == null) {
      out.println(Output.pretty(result.toJson()));
      return 0;
    }
    try {
      if (result.fields().size() == 1
          && result.fields().get(0).value().type().structure().equals(new ListType(Primitive.U8))) {
        WitValue.ListLike list = (WitValue.ListLike) result.values().get(0);
        Files.write(outputFile, list instanceof WitValue.Bytes b ? b.toArray() : bytesOf(list));
      } else {
        Files.writeString(outputFile, Output.pretty(result.toJson()) + "\n");
      }
      return 0;
    } catch (IOException e) {
      err.println("weft: cannot write `" + outputFile + "`: " + e.getMessage());
      return Main.EXIT_FAILED;
    }
  }

  private static byte[] bytesOf(WitValue.ListLike list) {
    byte[] b = new byte[list.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) ((WitValue.U8) list.get(i)).value();
    }
    return b;
  }

  static Map<String, InputArgs.Declared> declared(LoadedFlow flow) {
    Map<String, InputArgs.Declared> m = new LinkedHashMap<>();
    for (FlowInput in : flow.graph().inputs()) {
      m.put(in.name(), new InputArgs.Declared(in.type().type(), in.type().table()));
    }
    return m;
  }

  static boolean isRunFailure(Throwable t) {
    return t instanceof RunException;
  }
}
