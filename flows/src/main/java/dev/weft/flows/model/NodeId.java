package dev.weft.flows.model;

import java.util.Objects;

/** The name of a node in its flow. */
public record NodeId(String name) {
  public NodeId {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return name;
  }
}
