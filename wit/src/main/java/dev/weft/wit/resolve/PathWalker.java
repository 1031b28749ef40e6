package dev.weft.wit.resolve;

import dev.weft.wit.ast.Member;
import dev.weft.wit.ast.TopItem;
import dev.weft.wit.ast.UsePath;
import dev.weft.wit.ast.WorldMember;
import java.util.ArrayList;
import java.util.List;

/** Every interface or world path written in a package's files, in source order. */
final class PathWalker {
  private PathWalker() {}

  static List<UsePath> paths(UnresolvedPackage pkg) {
    List<UsePath> out = new ArrayList<>();
    for (UnresolvedPackage.Unit u : pkg.units()) {
      for (TopItem t : u.items()) {
        switch (t.form()) {
          case USE -> out.add(((TopItem.TopUse) t).path());
          case INTERFACE -> members(((TopItem.InterfaceDecl) t).members(), out);
          case WORLD -> ((TopItem.WorldDecl) t).members().forEach(m -> world(m, out));
          case PACKAGE -> {}
        }
      }
    }
    return out;
  }

  private static void world(WorldMember m, List<UsePath> out) {
    switch (m.form()) {
      case MEMBER -> members(List.of(((WorldMember.Shared) m).member()), out);
      case INCLUDE -> out.add(((WorldMember.IncludeDecl) m).from());
      case IMPORT_EXPORT -> {
        WorldMember.Extern x = ((WorldMember.ImportExport) m).extern();
        switch (x.form()) {
          case FUNC -> {}
          case INLINE_INTERFACE -> members(((WorldMember.Extern.InlineInterface) x).members(), out);
          case PATH -> out.add(((WorldMember.Extern.Path) x).path());
          case NAMED_PATH -> out.add(((WorldMember.Extern.NamedPath) x).path());
        }
      }
    }
  }

  private static void members(List<Member> members, List<UsePath> out) {
    for (Member m : members) {
      if (m instanceof Member.UseDecl u) {
        out.add(u.from());
      }
    }
  }
}
