package dev.weft.wit.resolve;

import dev.weft.wit.ast.Member;
import dev.weft.wit.ast.TopItem;
import dev.weft.wit.ast.UsePath;
import dev.weft.wit.ast.WorldMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The items of its own package that an interface or world refers to, for ordering them. */
final class ItemDeps {
  private ItemDeps() {}

  /**
   * Edges go only to items of the kind the reference wants (a world for {@code include}, an
   * interface otherwise); a reference of the wrong kind is reported when it is resolved.
   */
  static List<TopoSort.Edge> of(
      TopItem item,
      UnresolvedPackage.Unit unit,
      Map<String, Integer> index,
      Map<String, String> kinds) {
    Map<String, UsePath> topUses = new HashMap<>();
    for (TopItem t : unit.items()) {
      if (t instanceof TopItem.TopUse u) {
        topUses.putIfAbsent(u.localName().name(), u.path());
      }
    }
    List<UsePath> paths = new ArrayList<>();
    List<UsePath> includes = new ArrayList<>();
    if (item instanceof TopItem.InterfaceDecl i) {
      members(i.members(), paths);
    } else if (item instanceof TopItem.WorldDecl w) {
      for (WorldMember m : w.members()) {
        world(m, paths, includes);
      }
    }
    List<TopoSort.Edge> edges = new ArrayList<>();
    edges(paths, "interface", topUses, index, kinds, edges);
    edges(includes, "world", topUses, index, kinds, edges);
    return edges;
  }

  private static void edges(
      List<UsePath> paths,
      String kind,
      Map<String, UsePath> topUses,
      Map<String, Integer> index,
      Map<String, String> kinds,
      List<TopoSort.Edge> edges) {
    for (UsePath p : paths) {
      if (p.foreign()) {
        continue;
      }
      UsePath target = topUses.getOrDefault(p.name().name(), p);
      if (!target.foreign()) {
        Integer to = index.get(target.name().name());
        if (to != null && kind.equals(kinds.get(target.name().name()))) {
          edges.add(new TopoSort.Edge(to, p.span()));
        }
      }
    }
  }

  private static void world(WorldMember m, List<UsePath> paths, List<UsePath> includes) {
    switch (m.form()) {
      case MEMBER -> members(List.of(((WorldMember.Shared) m).member()), paths);
      case INCLUDE -> includes.add(((WorldMember.IncludeDecl) m).from());
      case IMPORT_EXPORT -> {
        WorldMember.Extern x = ((WorldMember.ImportExport) m).extern();
        switch (x.form()) {
          case FUNC -> {}
          case INLINE_INTERFACE ->
              members(((WorldMember.Extern.InlineInterface) x).members(), paths);
          case PATH -> paths.add(((WorldMember.Extern.Path) x).path());
          case NAMED_PATH -> paths.add(((WorldMember.Extern.NamedPath) x).path());
        }
      }
    }
  }

  private static void members(List<Member> members, List<UsePath> paths) {
    for (Member m : members) {
      if (m instanceof Member.UseDecl u) {
        paths.add(u.from());
      }
    }
  }
}
