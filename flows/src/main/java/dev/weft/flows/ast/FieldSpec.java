package dev.weft.flows.ast;

import java.util.List;

/**
 * One key a section of a flow may have, with a one-line summary. The tables in {@link FlowSpec}
 * drive both the unknown-key check and the reference documentation, so the two cannot drift.
 */
public record FieldSpec(String key, boolean required, String summary) {
  static FieldSpec required(String key, String summary) {
    return new FieldSpec(key, true, summary);
  }

  static FieldSpec optional(String key, String summary) {
    return new FieldSpec(key, false, summary);
  }

  /** The keys of a table, in order. */
  static List<String> keys(List<FieldSpec> specs) {
    return specs.stream().map(FieldSpec::key).toList();
  }
}
