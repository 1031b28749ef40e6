package dev.weft.wit.ast;

import dev.weft.wit.model.Docs;
import java.util.List;
import java.util.Optional;

/** What a named type declaration defines. */
public sealed interface TypeBody {
  /** Which definition this is, for exhaustive switches. */
  enum Form {
    ALIAS,
    RECORD,
    VARIANT,
    ENUM,
    FLAGS,
    RESOURCE
  }

  /** Which definition this is. */
  Form form();

  /** {@code type name = T;}. */
  record Alias(TypeExpr target) implements TypeBody {
    @Override
    public Form form() {
      return Form.ALIAS;
    }
  }

  /** {@code record name { fields }}. */
  record RecordBody(List<FieldDecl> fields) implements TypeBody {
    public RecordBody {
      fields = List.copyOf(fields);
    }

    @Override
    public Form form() {
      return Form.RECORD;
    }
  }

  /** {@code variant name { cases }}. */
  record VariantBody(List<CaseDecl> cases) implements TypeBody {
    public VariantBody {
      cases = List.copyOf(cases);
    }

    @Override
    public Form form() {
      return Form.VARIANT;
    }
  }

  /** {@code enum name { cases }}. */
  record EnumBody(List<NameDecl> cases) implements TypeBody {
    public EnumBody {
      cases = List.copyOf(cases);
    }

    @Override
    public Form form() {
      return Form.ENUM;
    }
  }

  /** {@code flags name { flags }}. */
  record FlagsBody(List<NameDecl> flags) implements TypeBody {
    public FlagsBody {
      flags = List.copyOf(flags);
    }

    @Override
    public Form form() {
      return Form.FLAGS;
    }
  }

  /** {@code resource name;} or {@code resource name { functions }}. */
  record ResourceBody(List<ResourceFunc> funcs) implements TypeBody {
    public ResourceBody {
      funcs = List.copyOf(funcs);
    }

    @Override
    public Form form() {
      return Form.RESOURCE;
    }
  }

  /** A record field. */
  record FieldDecl(Ident name, TypeExpr type, Docs docs) {}

  /** A variant case and its optional payload. */
  record CaseDecl(Ident name, Optional<TypeExpr> type, Docs docs) {}

  /** An enum case or a flag. */
  record NameDecl(Ident name, Docs docs) {}

  /** A constructor, method or static function of a resource. */
  record ResourceFunc(Kind kind, Ident name, FuncType type, Docs docs, List<Attribute> attributes) {
    /** How the function relates to the resource. */
    public enum Kind {
      CONSTRUCTOR,
      METHOD,
      STATIC
    }

    public ResourceFunc {
      attributes = List.copyOf(attributes);
    }
  }
}
