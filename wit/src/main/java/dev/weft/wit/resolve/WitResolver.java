package dev.weft.wit.resolve;

import dev.weft.wit.ast.UsePath;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Resolve;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resolver pass: parsed packages to a {@link Resolve}. Packages are resolved dependencies first
 * (a package refers only to packages before it in the arena), each by a {@link PackageResolver}.
 * Never throws for bad input: problems go to the {@link Diagnostics}, and the result is only
 * meaningful when none was an error.
 */
public final class WitResolver {
  private WitResolver() {}

  /**
   * @param packages every package parsed, dependencies and nested packages included
   * @param features the {@code @unstable} features to include
   * @param sources the texts the packages were parsed from, so hints can say where a name is
   *     defined
   */
  public static Resolve resolve(
      List<UnresolvedPackage> packages,
      Set<String> features,
      SourceMap sources,
      Diagnostics diags) {
    List<UnresolvedPackage> unique = new ArrayList<>();
    Map<PackageName, Integer> index = new HashMap<>();
    for (UnresolvedPackage p : packages) {
      if (index.containsKey(p.name())) {
        SourceMap.Location first = sources.locate(unique.get(index.get(p.name())).span().start());
        String where =
            first == null
                ? ""
                : " (first defined at "
                    + first.source().name()
                    + ":"
                    + first.line()
                    + ":"
                    + first.column()
                    + ")";
        diags.error(
            "WIT0153",
            "package `" + p.name() + "` is defined in two different locations",
            p.span(),
            "keep one definition; dependencies under `deps/` must not repeat a package" + where);
        continue;
      }
      index.put(p.name(), unique.size());
      unique.add(p);
    }
    List<List<TopoSort.Edge>> deps = new ArrayList<>();
    for (UnresolvedPackage p : unique) {
      List<TopoSort.Edge> edges = new ArrayList<>();
      for (UsePath path : PathWalker.paths(p)) {
        if (path instanceof UsePath.Foreign f) {
          PackageName name = new PackageName(f.namespace().name(), f.pkg().name(), f.version());
          Integer to = index.get(name);
          // A package naming itself by its full name is a cycle too, as in wit-parser.
          if (to != null) {
            edges.add(new TopoSort.Edge(to, f.span()));
          }
        }
      }
      deps.add(edges);
    }
    List<Integer> order =
        TopoSort.sort(
            deps,
            (from, edge) ->
                diags.error(
                    "WIT0154",
                    "package `" + unique.get(edge.to()).name() + "` creates a dependency cycle",
                    edge.span(),
                    "packages cannot depend on each other in a circle; move the shared items"
                        + " into a third package"));
    ResolveBuilder arenas = new ResolveBuilder();
    arenas.declared.addAll(index.keySet());
    arenas.sources = sources;
    Gates gates = new Gates(features, diags);
    for (int i : order) {
      new PackageResolver(arenas, gates, diags, unique.get(i)).resolve();
    }
    return arenas.build();
  }
}
