package dev.weft.wit.decode;

import dev.weft.wit.binary.DefType;
import dev.weft.wit.model.Primitive;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A type of a component's type index space, as a validator sees it. Unlike the rest of Weft's
 * models these are classes compared by identity, not records: two {@code (record (field "x" u32))}
 * definitions are two different types, and which definition an export refers to is exactly what
 * decoding needs to tell a {@code use} from a new type (wasmparser's type ids play this role).
 */
sealed interface Ty {
  /** Follows aliases to the definition they stand for. */
  static Ty peel(Ty t) {
    Ty cur = t;
    while (cur instanceof Alias a) {
      cur = a.target;
    }
    return cur;
  }

  /** A primitive value type, such as {@code u32} or {@code string}. */
  final class Prim implements Ty {
    final Primitive type;

    Prim(Primitive type) {
      this.type = type;
    }
  }

  /**
   * A defined value type: a record, variant, list... {@code labels} are the field, case, flag or
   * enum case names; {@code types} the field and case types, the element types, or the resource of
   * a handle, empty where the binary has none (a case without payload, {@code result<_, E>}).
   */
  final class Defined implements Ty {
    final DefType.ValKind kind;
    final List<String> labels;
    final List<Optional<Ty>> types;
    final int length;

    Defined(DefType.ValKind kind, List<String> labels, List<Optional<Ty>> types, int length) {
      this.kind = kind;
      this.labels = List.copyOf(labels);
      this.types = List.copyOf(types);
      this.length = length;
    }

    /** The {@code i}th type, which the binary format guarantees is present for this kind. */
    Ty type(int i) {
      return types.get(i).orElseThrow();
    }
  }

  /** A resource type: a definition ({@code (resource (rep i32))}) or an abstract import. */
  final class Resource implements Ty {}

  /**
   * The new type an import or export of a type introduces ({@code (export "t" (type (eq 3)))}): the
   * same type as {@code target} under a new identity, as wasmparser's {@code created} ids are.
   */
  final class Alias implements Ty {
    final Ty target;

    Alias(Ty target) {
      this.target = target;
    }
  }

  /** A function type. */
  final class Func implements Ty {
    final List<String> names;
    final List<Ty> params;
    final Optional<Ty> result;
    final boolean async;

    Func(List<String> names, List<Ty> params, Optional<Ty> result, boolean async) {
      this.names = List.copyOf(names);
      this.params = List.copyOf(params);
      this.result = result;
      this.async = async;
    }
  }

  /** An instance type: named exports, in order. */
  final class Instance implements Ty {
    final Map<String, Extern> exports;

    Instance(Map<String, Extern> exports) {
      this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }
  }

  /** A component type: named imports and exports, in order. */
  final class Component implements Ty {
    final Map<String, Extern> imports;
    final Map<String, Extern> exports;

    Component(Map<String, Extern> imports, Map<String, Extern> exports) {
      this.imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
      this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }
  }
}
