package dev.weft.wit.binary;

import java.util.List;

/**
 * One section of a component binary, decoded; {@code offset} is where its contents start. Core
 * modules and nested components are kept as bytes; core type sections are counted, not decoded
 * (Weft never needs core module types).
 */
public sealed interface Section {
  /** Where the section's contents start in the binary. */
  int offset();

  record Custom(int offset, String name, byte[] data) implements Section {}

  record CoreModule(int offset, byte[] bytes) implements Section {}

  record CoreInstances(int offset, List<CoreInstanceExpr> instances) implements Section {}

  record CoreTypes(int offset, int count) implements Section {}

  record Component(int offset, byte[] bytes) implements Section {}

  record Instances(int offset, List<InstanceExpr> instances) implements Section {}

  record Aliases(int offset, List<Alias> aliases) implements Section {}

  record Types(int offset, List<DefType> types) implements Section {}

  record Canons(int offset, List<Canon> canons) implements Section {}

  record Start(int offset, int func) implements Section {}

  record Imports(int offset, List<ExternDecl> imports) implements Section {}

  record Exports(int offset, List<Export> exports) implements Section {}

  /** An import, or an export declaration in a type: a name and its type. */
  record ExternDecl(String name, ExternType type) {}

  /** A component export: name, what is exported, and an optional type ascription. */
  record Export(String name, Sort.Idx item, java.util.Optional<ExternType> type) {}
}
