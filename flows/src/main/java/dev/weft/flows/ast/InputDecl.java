package dev.weft.flows.ast;

import dev.weft.flows.yaml.YNode.YScalar;
import java.util.List;

/**
 * {@code input: name: type}, or {@code name: {type: T, max-bytes: 512, ...}}: a typed input of the
 * flow, {@code type} in WIT type syntax, with the constraints its values must meet (unchecked yet:
 * whether they fit the type is the checker's business).
 */
public record InputDecl(Ident name, Ident type, List<Constraint> constraints) {
  public InputDecl {
    constraints = List.copyOf(constraints);
  }

  /** An input without constraints. */
  public InputDecl(Ident name, Ident type) {
    this(name, type, List.of());
  }

  /** One constraint as written: its key ({@code max-bytes}...) and its number. */
  public record Constraint(Ident key, YScalar value) {}
}
