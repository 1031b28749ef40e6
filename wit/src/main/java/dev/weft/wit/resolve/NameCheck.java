package dev.weft.wit.resolve;

import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.Member;
import dev.weft.wit.ast.TypeBody;
import dev.weft.wit.diag.Diagnostics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports names declared twice in one body: types, uses and functions share a namespace, and a
 * resource's functions share one of their own. Gated items count too: one source must not mean two
 * things depending on the features enabled.
 */
final class NameCheck {
  private final Diagnostics diags;
  private final Map<String, Ident> seen = new HashMap<>();

  NameCheck(Diagnostics diags) {
    this.diags = diags;
  }

  void members(List<Member> members) {
    for (Member m : members) {
      switch (m.form()) {
        case USE -> ((Member.UseDecl) m).names().forEach(n -> declare(n.localName()));
        case TYPE -> {
          Member.TypeDecl t = (Member.TypeDecl) m;
          declare(t.name());
          if (t.body() instanceof TypeBody.ResourceBody r) {
            resource(r);
          }
        }
        case FUNC -> declare(((Member.FuncDecl) m).name());
      }
    }
  }

  /** Declares one more name in this body, reporting it if it is taken. */
  void declare(Ident name) {
    Ident prior = seen.putIfAbsent(name.name(), name);
    if (prior != null) {
      diags.error(
          "WIT0111",
          "name `" + name.name() + "` is defined more than once",
          name.span(),
          "rename one of them; types, uses and functions share one namespace");
    }
  }

  private void resource(TypeBody.ResourceBody r) {
    Map<String, Ident> names = new HashMap<>();
    boolean constructor = false;
    for (TypeBody.ResourceFunc f : r.funcs()) {
      if (f.kind() == TypeBody.ResourceFunc.Kind.CONSTRUCTOR) {
        if (constructor) {
          diags.error(
              "WIT0113",
              "duplicate constructors",
              f.name().span(),
              "a resource has at most one constructor");
        }
        constructor = true;
      } else if (names.putIfAbsent(f.name().name(), f.name()) != null) {
        diags.error(
            "WIT0113",
            "duplicate function name `" + f.name().name() + "`",
            f.name().span(),
            "give each method and static function of a resource its own name");
      }
    }
  }
}
