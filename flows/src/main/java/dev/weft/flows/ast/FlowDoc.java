package dev.weft.flows.ast;

import dev.weft.flows.http.RouteDecl;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A parsed flow file, before resolution and type checking. */
public record FlowDoc(
    Path file,
    Ident name,
    Optional<String> description,
    List<ComponentDecl> components,
    List<InputDecl> inputs,
    List<NodeDecl> nodes,
    List<OutputDecl> outputs,
    Optional<RouteDecl> http) {
  public FlowDoc {
    components = List.copyOf(components);
    inputs = List.copyOf(inputs);
    nodes = List.copyOf(nodes);
    outputs = List.copyOf(outputs);
  }

  /** A flow without an {@code http:} route. */
  public FlowDoc(
      Path file,
      Ident name,
      Optional<String> description,
      List<ComponentDecl> components,
      List<InputDecl> inputs,
      List<NodeDecl> nodes,
      List<OutputDecl> outputs) {
    this(file, name, description, components, inputs, nodes, outputs, Optional.empty());
  }
}
