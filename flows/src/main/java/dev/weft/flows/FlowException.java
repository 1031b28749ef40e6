package dev.weft.flows;

import dev.weft.wit.diag.Diagnostic;
import dev.weft.wit.diag.DiagnosticRenderer;
import dev.weft.wit.diag.SourceMap;
import java.util.List;

/** A flow that cannot be loaded: it carries every problem found, renderable against its sources. */
public class FlowException extends RuntimeException {
  private final List<Diagnostic> diagnostics;
  private final transient SourceMap sources;

  public FlowException(List<Diagnostic> diagnostics, SourceMap sources) {
    super(diagnostics.isEmpty() ? "invalid flow" : new DiagnosticRenderer(sources).render(diagnostics.get(0)).strip());
    this.diagnostics = List.copyOf(diagnostics);
    this.sources = sources;
  }

  /** Every problem, in the order found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The texts the diagnostics' spans point into. */
  public SourceMap sources() {
    return sources;
  }

  /** All problems rendered in compiler style. */
  public String render() {
    return new DiagnosticRenderer(sources).render(diagnostics);
  }
}
