package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/** {@code namespace:name@version}, as in {@code wasi:http@0.2.0}. */
public record PackageName(String namespace, String name, Optional<String> version) {
  public PackageName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  @Override
  public String toString() {
    return namespace + ":" + name + version.map(v -> "@" + v).orElse("");
  }
}
