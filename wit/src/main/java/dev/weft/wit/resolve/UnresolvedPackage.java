package dev.weft.wit.resolve;

import dev.weft.wit.ast.SourceFile;
import dev.weft.wit.ast.TopItem;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.PackageName;
import java.util.List;

/**
 * A package as parsed, before resolution: its name, where it was declared, and its items grouped by
 * the file they came from (top-level {@code use} items are visible only in their own file).
 */
public record UnresolvedPackage(PackageName name, Docs docs, Span span, List<Unit> units) {
  public UnresolvedPackage {
    units = List.copyOf(units);
  }

  /** The items of one file (or of one nested package block) that belong to this package. */
  public record Unit(SourceFile file, List<TopItem> items) {
    public Unit {
      items = List.copyOf(items);
    }
  }
}
