package dev.weft.flows.check;

import dev.weft.flows.ast.Ident;
import dev.weft.flows.model.FlowGraph;
import dev.weft.wit.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Optional;

/** Loads and checks the flows that nodes run with {@code flow:}, reporting at the node's span. */
public interface SubflowCatalog {
  /**
   * The checked flow in {@code file}.
   *
   * @param at where the node names the file, for problems such as a missing file or a cycle of
   *     flows calling each other
   * @return the graph, or empty after reporting why not
   */
  Optional<FlowGraph> flow(Path file, Ident at, Diagnostics diags);

  /** A catalog for contexts where flows may not call flows. */
  SubflowCatalog NONE =
      (file, at, diags) -> {
        diags.error("FLOW0113", "sub-flows cannot be used here", at.span());
        return Optional.empty();
      };
}
