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

  /** Which section this is, for exhaustive switches. */
  Kind kind();

  /** The section ids of Binary.md, in id order. */
  enum Kind {
    CUSTOM,
    CORE_MODULE,
    CORE_INSTANCES,
    CORE_TYPES,
    COMPONENT,
    INSTANCES,
    ALIASES,
    TYPES,
    CANONS,
    START,
    IMPORTS,
    EXPORTS
  }

  record Custom(int offset, String name, byte[] data) implements Section {
    @Override
    public Kind kind() {
      return Kind.CUSTOM;
    }
  }

  record CoreModule(int offset, byte[] bytes) implements Section {
    @Override
    public Kind kind() {
      return Kind.CORE_MODULE;
    }
  }

  record CoreInstances(int offset, List<CoreInstanceExpr> instances) implements Section {
    @Override
    public Kind kind() {
      return Kind.CORE_INSTANCES;
    }
  }

  record CoreTypes(int offset, int count) implements Section {
    @Override
    public Kind kind() {
      return Kind.CORE_TYPES;
    }
  }

  record Component(int offset, byte[] bytes) implements Section {
    @Override
    public Kind kind() {
      return Kind.COMPONENT;
    }
  }

  record Instances(int offset, List<InstanceExpr> instances) implements Section {
    @Override
    public Kind kind() {
      return Kind.INSTANCES;
    }
  }

  record Aliases(int offset, List<Alias> aliases) implements Section {
    @Override
    public Kind kind() {
      return Kind.ALIASES;
    }
  }

  record Types(int offset, List<DefType> types) implements Section {
    @Override
    public Kind kind() {
      return Kind.TYPES;
    }
  }

  record Canons(int offset, List<Canon> canons) implements Section {
    @Override
    public Kind kind() {
      return Kind.CANONS;
    }
  }

  record Start(int offset, int func) implements Section {
    @Override
    public Kind kind() {
      return Kind.START;
    }
  }

  record Imports(int offset, List<ExternDecl> imports) implements Section {
    @Override
    public Kind kind() {
      return Kind.IMPORTS;
    }
  }

  record Exports(int offset, List<Export> exports) implements Section {
    @Override
    public Kind kind() {
      return Kind.EXPORTS;
    }
  }

  /** An import, or an export declaration in a type: a name, its attributes and its type. */
  record ExternDecl(String name, ExternType type, NameAttrs attrs) {
    public ExternDecl(String name, ExternType type) {
      this(name, type, NameAttrs.NONE);
    }
  }

  /** A component export: name, what is exported, an optional type ascription, attributes. */
  record Export(String name, Sort.Idx item, java.util.Optional<ExternType> type, NameAttrs attrs) {
    public Export(String name, Sort.Idx item, java.util.Optional<ExternType> type) {
      this(name, item, type, NameAttrs.NONE);
    }
  }
}
