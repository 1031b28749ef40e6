package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Primitive;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A type as written (WIT.md "Types"), before names are resolved. */
public sealed interface TypeExpr {
  /** Which form this is, for exhaustive switches. */
  enum Form {
    PRIMITIVE,
    NAME,
    LIST,
    MAP,
    OPTION,
    RESULT,
    TUPLE,
    HANDLE,
    FUTURE,
    STREAM
  }

  /** Which form this is. */
  Form form();

  /** Where the whole type expression is. */
  Span span();

  /** {@code u32}, {@code string}, {@code error-context}... */
  record Prim(Primitive type, Span span) implements TypeExpr {
    public Prim {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public Form form() {
      return Form.PRIMITIVE;
    }
  }

  /** A reference to a named type. */
  record Name(Ident name) implements TypeExpr {
    @Override
    public Form form() {
      return Form.NAME;
    }

    @Override
    public Span span() {
      return name.span();
    }
  }

  /** {@code list<T>} or, with a size, {@code list<T, N>}. */
  record ListOf(TypeExpr element, OptionalInt size, Span span) implements TypeExpr {
    @Override
    public Form form() {
      return Form.LIST;
    }
  }

  /** {@code map<K, V>}. */
  record MapOf(TypeExpr key, TypeExpr value, Span span) implements TypeExpr {
    @Override
    public Form form() {
      return Form.MAP;
    }
  }

  /** {@code option<T>}. */
  record OptionOf(TypeExpr some, Span span) implements TypeExpr {
    @Override
    public Form form() {
      return Form.OPTION;
    }
  }

  /** {@code result}, {@code result<T>}, {@code result<_, E>}, {@code result<T, E>}. */
  record ResultOf(Optional<TypeExpr> ok, Optional<TypeExpr> err, Span span) implements TypeExpr {
    @Override
    public Form form() {
      return Form.RESULT;
    }
  }

  /** {@code tuple<T...>}. */
  record TupleOf(List<TypeExpr> types, Span span) implements TypeExpr {
    public TupleOf {
      types = List.copyOf(types);
    }

    @Override
    public Form form() {
      return Form.TUPLE;
    }
  }

  /** {@code own<R>} or {@code borrow<R>}. */
  record Handle(boolean borrow, Ident resource, Span span) implements TypeExpr {
    @Override
    public Form form() {
      return Form.HANDLE;
    }
  }

  /** {@code future} or {@code future<T>}. */
  record FutureOf(Optional<TypeExpr> element, Span span) implements TypeExpr {
    @Override
    public Form form() {
      return Form.FUTURE;
    }
  }

  /** {@code stream} or {@code stream<T>}. */
  record StreamOf(Optional<TypeExpr> element, Span span) implements TypeExpr {
    @Override
    public Form form() {
      return Form.STREAM;
    }
  }
}
