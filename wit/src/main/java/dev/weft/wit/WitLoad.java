package dev.weft.wit;

import dev.weft.wit.diag.Diagnostic;
import dev.weft.wit.diag.DiagnosticRenderer;
import dev.weft.wit.diag.Severity;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.Resolve;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading WIT without throwing: the resolved packages when there was no error,
 * which of them the loaded path itself declares (the rest are dependencies), every problem, and
 * the texts the problems point into. What {@code weft wit check} and {@code weft wit print} need.
 */
public record WitLoad(
    Optional<Resolve> resolve, List<PackageId> roots, List<Diagnostic> diagnostics, SourceMap sources) {
  public WitLoad {
    Objects.requireNonNull(resolve, "resolve");
    roots = List.copyOf(roots);
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(sources, "sources");
  }

  /** Whether loading found no error (warnings allowed). */
  public boolean ok() {
    return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
  }

  /** Every problem rendered compiler-style, separated by blank lines; empty when none. */
  public String render() {
    return new DiagnosticRenderer(sources).render(diagnostics);
  }

  /**
   * The resolved packages.
   *
   * @throws WitException when loading found errors
   */
  public Resolve orThrow() {
    if (!ok() || resolve.isEmpty()) {
      throw new WitException(diagnostics, sources);
    }
    return resolve.get();
  }
}
