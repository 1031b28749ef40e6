package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/** The doc comments attached to an item, with comment markers removed. */
public record Docs(Optional<String> contents) {
  /** No documentation. */
  public static final Docs NONE = new Docs(Optional.empty());

  public Docs {
    Objects.requireNonNull(contents, "contents");
  }

  /** Docs with the given text, or {@link #NONE} when it is null or empty. */
  public static Docs of(String text) {
    return text == null || text.isEmpty() ? NONE : new Docs(Optional.of(text));
  }
}
