package dev.weft.flows.model;

import java.util.Objects;

/** A typed input of a flow, with the constraints its values must meet beyond the type. */
public record FlowInput(String name, Typed type, InputConstraints constraints) {
  public FlowInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(constraints, "constraints");
  }

  /** An input without constraints. */
  public FlowInput(String name, Typed type) {
    this(name, type, InputConstraints.NONE);
  }
}
