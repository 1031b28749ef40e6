package dev.weft.cli;

import dev.weft.engine.impl.ComponentCache;
import dev.weft.flows.FlowException;
import dev.weft.flows.Flows;
import dev.weft.flows.graph.GraphRenderer;
import dev.weft.flows.model.FlowGraph;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft graph FLOW [--format mermaid|dot]}. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Prints a flow's graph, with the WIT type on every edge, as Mermaid or Graphviz DOT.")
final class GraphCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FLOW", description = "the flow file")
  Path flow;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "mermaid",
      description = "mermaid (default) or dot")
  GraphRenderer.Format format;

  @Override
  public Integer call() {
    FlowGraph g;
    try {
      g = Flows.load(flow, new ComponentCache(Checking.OPTIONS));
    } catch (FlowException e) {
      spec.commandLine().getErr().print(Problems.render(e));
      spec.commandLine().getErr().flush();
      return Main.EXIT_USAGE;
    }
    spec.commandLine().getOut().print(GraphRenderer.render(g, format));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
