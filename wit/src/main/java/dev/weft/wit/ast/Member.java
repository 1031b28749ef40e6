package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Docs;
import java.util.List;
import java.util.Optional;

/** A member of an interface (and, for uses and types, of a world). */
public sealed interface Member {
  /** Which member this is, for exhaustive switches. */
  enum Form {
    USE,
    TYPE,
    FUNC
  }

  /** Which member this is. */
  Form form();

  /** {@code use path.{a, b as c};}. */
  record UseDecl(UsePath from, List<UseName> names, List<Attribute> attributes, Span span)
      implements Member {
    public UseDecl {
      names = List.copyOf(names);
      attributes = List.copyOf(attributes);
    }

    @Override
    public Form form() {
      return Form.USE;
    }
  }

  /** One name of a {@code use}: {@code a} or {@code a as b}. */
  record UseName(Ident name, Optional<Ident> as) {
    /** The name the type gets here. */
    public Ident localName() {
      return as.orElse(name);
    }
  }

  /** A named type: an alias, record, variant, enum, flags or resource. */
  record TypeDecl(Ident name, Docs docs, List<Attribute> attributes, TypeBody body)
      implements Member {
    public TypeDecl {
      attributes = List.copyOf(attributes);
    }

    @Override
    public Form form() {
      return Form.TYPE;
    }
  }

  /** {@code name: func(...) -> T;}. */
  record FuncDecl(Ident name, FuncType type, Docs docs, List<Attribute> attributes)
      implements Member {
    public FuncDecl {
      attributes = List.copyOf(attributes);
    }

    @Override
    public Form form() {
      return Form.FUNC;
    }
  }
}
