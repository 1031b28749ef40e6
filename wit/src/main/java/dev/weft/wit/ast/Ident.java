package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import java.util.Objects;

/** A name as written, with a leading {@code %} removed, and where it is. */
public record Ident(String name, Span span) {
  public Ident {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(span, "span");
  }
}
