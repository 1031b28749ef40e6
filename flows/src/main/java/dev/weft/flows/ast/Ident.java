package dev.weft.flows.ast;

import dev.weft.wit.diag.Span;
import java.util.Objects;

/** A name written in the flow, with its place. */
public record Ident(String name, Span span) {
  public Ident {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(span, "span");
  }
}
