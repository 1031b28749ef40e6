package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import java.util.List;
import java.util.Optional;

/** {@code async? func(params) -> result}; the span covers the {@code func} keyword. */
public record FuncType(boolean async, List<Param> params, Optional<TypeExpr> result, Span span) {
  public FuncType {
    params = List.copyOf(params);
  }

  /** {@code name: type} in a parameter list. */
  public record Param(Ident name, TypeExpr type) {}
}
