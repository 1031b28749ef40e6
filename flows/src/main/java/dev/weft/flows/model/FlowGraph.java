package dev.weft.flows.model;

import dev.weft.flows.http.HttpRoute;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A checked flow, ready to plan and run. Nodes are in topological order (a node comes after every
 * node it depends on; ties keep source order). Immutable and thread-safe.
 */
public record FlowGraph(
    String name,
    Optional<String> description,
    Path file,
    List<FlowComponent> components,
    List<FlowInput> inputs,
    List<FlowNode> nodes,
    List<FlowOutput> outputs,
    Optional<HttpRoute> http) {
  public FlowGraph {
    components = List.copyOf(components);
    inputs = List.copyOf(inputs);
    nodes = List.copyOf(nodes);
    outputs = List.copyOf(outputs);
  }

  /** A flow without a declared HTTP route. */
  public FlowGraph(
      String name,
      Optional<String> description,
      Path file,
      List<FlowComponent> components,
      List<FlowInput> inputs,
      List<FlowNode> nodes,
      List<FlowOutput> outputs) {
    this(name, description, file, components, inputs, nodes, outputs, Optional.empty());
  }

  /** The component with this flow-local name. */
  public Optional<FlowComponent> component(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The input with this name. */
  public Optional<FlowInput> input(String name) {
    for (FlowInput i : inputs) { // on every served request: a loop, not a stream
      if (i.name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
