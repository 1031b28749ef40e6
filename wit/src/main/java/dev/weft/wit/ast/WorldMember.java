package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Docs;
import java.util.List;

/** A member of a world: an import, an export, an include, or a use or type (as in interfaces). */
public sealed interface WorldMember {
  /** Which member this is, for exhaustive switches. */
  enum Form {
    IMPORT_EXPORT,
    INCLUDE,
    MEMBER
  }

  /** Which member this is. */
  Form form();

  /** {@code import ...} or {@code export ...}. */
  record ImportExport(
      boolean export, Extern extern, Docs docs, List<Attribute> attributes, Span span)
      implements WorldMember {
    public ImportExport {
      attributes = List.copyOf(attributes);
    }

    @Override
    public Form form() {
      return Form.IMPORT_EXPORT;
    }
  }

  /** {@code include path with { a as b };}. */
  record IncludeDecl(UsePath from, List<IncludeName> with, List<Attribute> attributes, Span span)
      implements WorldMember {
    public IncludeDecl {
      with = List.copyOf(with);
      attributes = List.copyOf(attributes);
    }

    @Override
    public Form form() {
      return Form.INCLUDE;
    }
  }

  /** {@code a as b} in an include's {@code with}. */
  record IncludeName(Ident name, Ident as) {}

  /** A {@code use} or a type declaration, which worlds share with interfaces. */
  record Shared(Member member) implements WorldMember {
    @Override
    public Form form() {
      return Form.MEMBER;
    }
  }

  /** What an import or export names. */
  sealed interface Extern {
    /** Which kind this is, for exhaustive switches. */
    enum Form {
      FUNC,
      INLINE_INTERFACE,
      PATH,
      NAMED_PATH
    }

    /** Which kind this is. */
    Form form();

    /** {@code name: func(...)}. */
    record Func(Ident name, FuncType type) implements Extern {
      @Override
      public Form form() {
        return Form.FUNC;
      }
    }

    /** {@code name: interface { members }}. */
    record InlineInterface(Ident name, List<Member> members) implements Extern {
      public InlineInterface {
        members = List.copyOf(members);
      }

      @Override
      public Form form() {
        return Form.INLINE_INTERFACE;
      }
    }

    /** {@code path;}: an interface keyed by its own name. */
    record Path(UsePath path) implements Extern {
      @Override
      public Form form() {
        return Form.PATH;
      }
    }

    /** {@code label: path;}: an interface under a plain name. */
    record NamedPath(Ident name, UsePath path) implements Extern {
      @Override
      public Form form() {
        return Form.NAMED_PATH;
      }
    }
  }
}
