package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * One parsed file: its optional {@code package ...;} header and its items, some of which may be
 * nested {@code package ... { }} blocks. The span covers the whole text (for problems about the
 * file as a whole, reported at its start).
 */
public record SourceFile(String name, Span span, Optional<PackageDecl> pkg, List<TopItem> items) {
  public SourceFile {
    items = List.copyOf(items);
  }
}
