package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.PackageName;
import java.util.Optional;

/** {@code package ns:name@version}, with the docs written before it. */
public record PackageDecl(
    Ident namespace, Ident name, Optional<String> version, Docs docs, Span span) {
  /** The package name this declares. */
  public PackageName packageName() {
    return new PackageName(namespace.name(), name.name(), version);
  }
}
