package dev.weft.flows.yaml;

import dev.weft.wit.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML node with its place in the source. Scalars keep the type the YAML core schema resolved
 * for them (so {@code 42} and {@code "42"} differ), mappings keep their entries in order.
 */
public sealed interface YNode {
  /** Where the node is. */
  Span span();

  /** What the node is, for messages: "a string", "a list", "a mapping"... */
  String describe();

  /** The YAML core-schema type of a scalar. */
  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /** A scalar: its text and resolved type. */
  record YScalar(String value, ScalarType type, Span span) implements YNode {
    public YScalar {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "a string";
        case INT -> "an integer";
        case FLOAT -> "a number";
        case BOOL -> "a boolean";
        case NULL -> "null";
      };
    }
  }

  /** A sequence. */
  record YSeq(List<YNode> items, Span span) implements YNode {
    public YSeq {
      items = List.copyOf(items);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A mapping entry; keys are always scalars in flows. */
  record YEntry(YScalar key, YNode value) {
    public YEntry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A mapping, entries in source order. */
  record YMap(List<YEntry> entries, Span span) implements YNode {
    public YMap {
      entries = List.copyOf(entries);
      Objects.requireNonNull(span, "span");
    }

    /** The entry with this key, if any. */
    public Optional<YEntry> entry(String key) {
      return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
    }

    /** The value under this key, if any. */
    public Optional<YNode> get(String key) {
      return entry(key).map(YEntry::value);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }
}
