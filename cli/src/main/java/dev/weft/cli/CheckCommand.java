package dev.weft.cli;

import dev.weft.engine.impl.ComponentCache;
import dev.weft.flows.Flows;
import dev.weft.flows.model.FlowGraph;
import dev.weft.wit.diag.DiagnosticRenderer;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft check FLOW_OR_DIR...}: every problem of every flow, without running anything. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks flows: YAML, keys, names, components, functions, cycles and the WIT type of every edge.",
      "Folders are searched for *.yaml and *.yml files. Exit code 0 when all are valid, 1 otherwise."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "flow files or folders")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ComponentCache components = new ComponentCache(Checking.OPTIONS);
    int problems = 0;
    int flows = 0;
    for (Path file : files(err)) {
      flows++;
      SourceMap sources = new SourceMap();
      Diagnostics diags = new Diagnostics();
      Optional<FlowGraph> graph = Flows.check(file, components, sources, diags);
      if (diags.size() > 0) {
        problems += diags.size();
        err.print(new DiagnosticRenderer(sources).render(diags.all()));
        err.println();
      } else {
        FlowGraph g = graph.orElseThrow();
        out.println("ok: " + file + " (flow `" + g.name() + "`, " + g.nodes().size() + " nodes)");
      }
    }
    if (flows == 0) {
      err.println("weft: no flow files found in " + paths);
      return 1;
    }
    if (problems > 0) {
      err.println(problems + (problems == 1 ? " problem" : " problems") + " found in " + flows
          + (flows == 1 ? " flow" : " flows"));
      return 1;
    }
    return 0;
  }

  private List<Path> files(PrintWriter err) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          err.println("weft: cannot read folder `" + p + "`: " + e.getMessage());
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }
}
