package dev.weft.wit.resolve;

import dev.weft.wit.ast.PackageDecl;
import dev.weft.wit.ast.SourceFile;
import dev.weft.wit.ast.TopItem;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Docs;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups parsed files into packages (WIT.md "Package Format"): the files of one root (a folder's
 * {@code .wit} files, or one file) form one package, named by their {@code package} headers, which
 * must agree; every nested {@code package .. { }} block is a package of its own.
 */
public final class Packages {
  private Packages() {}

  /**
   * The packages the files of one root declare, the root's own package first.
   *
   * @return empty after reporting when the root has no usable package name
   */
  public static List<UnresolvedPackage> group(List<SourceFile> files, Diagnostics diags) {
    PackageDecl main = null;
    PackageDecl documented = null;
    for (SourceFile f : files) {
      if (f.pkg().isEmpty()) {
        continue;
      }
      PackageDecl decl = f.pkg().get();
      // A syntax error may have eaten the header: then its absence is no news.
      if (main == null) {
        main = decl;
      } else if (!main.packageName().equals(decl.packageName())) {
        diags.error(
            "WIT0150",
            "package `"
                + decl.packageName()
                + "` does not match `"
                + main.packageName()
                + "`, declared by another file of this package",
            decl.span(),
            "every file of a folder declares the same package; move other packages to `deps/`");
      }
      if (decl.docs().contents().isPresent()) {
        if (documented != null) {
          diags.error(
              "WIT0152",
              "found doc comments on more than one `package` declaration",
              decl.span(),
              "document the package in one file only");
        }
        documented = decl;
      }
    }
    List<UnresolvedPackage> out = new ArrayList<>();
    if (main == null) {
      // A syntax error may have eaten the header: then its absence is no news.
      if (diags.hasErrors()) {
        return out;
      }
      Span at =
          files.isEmpty()
              ? Span.NONE
              : new Span(files.get(0).span().start(), files.get(0).span().start());
      diags.error(
          "WIT0151",
          "no `package` header was found in any WIT file for this package",
          at,
          "start one file with `package namespace:name;`");
    } else {
      List<UnresolvedPackage.Unit> units = new ArrayList<>();
      for (SourceFile f : files) {
        units.add(new UnresolvedPackage.Unit(f, topLevel(f.items())));
      }
      Docs docs = documented == null ? Docs.NONE : documented.docs();
      out.add(new UnresolvedPackage(main.packageName(), docs, main.span(), units));
    }
    for (SourceFile f : files) {
      for (TopItem t : f.items()) {
        if (t instanceof TopItem.NestedPackage n) {
          out.add(
              new UnresolvedPackage(
                  n.pkg().packageName(),
                  n.pkg().docs(),
                  n.pkg().span(),
                  List.of(new UnresolvedPackage.Unit(f, n.items()))));
        }
      }
    }
    return out;
  }

  private static List<TopItem> topLevel(List<TopItem> items) {
    List<TopItem> out = new ArrayList<>();
    for (TopItem t : items) {
      if (!(t instanceof TopItem.NestedPackage)) {
        out.add(t);
      }
    }
    return out;
  }
}
