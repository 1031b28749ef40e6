package dev.weft.wit;

import dev.weft.wit.diag.Diagnostic;
import dev.weft.wit.diag.DiagnosticRenderer;
import dev.weft.wit.diag.Severity;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.WorldId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading WIT without throwing: the resolved packages when there was no error, which
 * of them the loaded path itself declares (the rest are dependencies), every problem, and the texts
 * the problems point into. What {@code weft wit check} and {@code weft wit print} need.
 */
public record WitLoad(
    Optional<Resolve> resolve,
    List<PackageId> roots,
    List<Diagnostic> diagnostics,
    SourceMap sources) {
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
   * The world a component targets, chosen as wit-bindgen does: {@code name} is a world of the first
   * root package or a full {@code ns:pkg/world} path; without a name, the root package's only
   * world.
   *
   * @throws WitException when loading failed, or no single world matches (the message lists the
   *     worlds there are)
   */
  public WorldId world(Optional<String> name) {
    Resolve r = orThrow();
    List<String> known = new ArrayList<>();
    for (WitPackage p : r.packages()) {
      p.worlds()
          .keySet()
          .forEach(w -> known.add(p.name().namespace() + ":" + p.name().name() + "/" + w));
    }
    if (name.isPresent()) {
      for (PackageId root : roots) {
        WorldId w = r.pkg(root).worlds().get(name.get());
        if (w != null) {
          return w;
        }
      }
      for (WitPackage p : r.packages()) {
        String prefix = p.name().namespace() + ":" + p.name().name() + "/";
        String version = p.name().version().map(v -> "@" + v).orElse("");
        for (var e : p.worlds().entrySet()) {
          String full = prefix + e.getKey();
          if (name.get().equals(full) || name.get().equals(full + version)) {
            return e.getValue();
          }
        }
      }
      throw noWorld("no world named `" + name.get() + "`", known);
    }
    List<WorldId> candidates = new ArrayList<>();
    for (PackageId root : roots) {
      candidates.addAll(r.pkg(root).worlds().values());
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    throw noWorld(
        candidates.isEmpty()
            ? "the package declares no world"
            : "the package declares several" + " worlds; say which one",
        known);
  }

  private WitException noWorld(String message, List<String> known) {
    String help =
        known.isEmpty()
            ? "declare a `world` in the package"
            : "worlds: " + String.join(", ", known);
    return new WitException(
        List.of(Diagnostic.error("WIT0160", message, Span.NONE, help)), sources);
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
