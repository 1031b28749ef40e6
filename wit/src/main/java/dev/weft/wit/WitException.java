package dev.weft.wit;

import dev.weft.wit.diag.Diagnostic;
import dev.weft.wit.diag.DiagnosticRenderer;
import dev.weft.wit.diag.SourceMap;
import java.util.List;

/**
 * WIT input that does not parse or resolve: carries every problem found, as values, and the sources
 * they point into so callers can render them all. {@link #getMessage()} is the first one rendered.
 */
public final class WitException extends RuntimeException {
  private final transient List<Diagnostic> diagnostics;
  private final transient SourceMap sources;

  /**
   * @param diagnostics at least one problem
   * @param sources the texts the problems' spans point into
   */
  public WitException(List<Diagnostic> diagnostics, SourceMap sources) {
    super(null, null, false, false);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a WitException needs a diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
    this.sources = sources;
  }

  /** Every problem, in the order found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The texts the problems point into. */
  public SourceMap sources() {
    return sources;
  }

  /** All problems rendered compiler-style, separated by blank lines. */
  public String render() {
    return new DiagnosticRenderer(sources).render(diagnostics);
  }

  @Override
  public String getMessage() {
    return new DiagnosticRenderer(sources).render(diagnostics.get(0));
  }
}
