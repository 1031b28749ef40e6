package dev.weft.wit.binary;

import dev.weft.wit.model.Primitive;
import java.util.List;
import java.util.Optional;

/** A type definition (Binary.md {@code deftype}), not yet resolved against index spaces. */
public sealed interface DefType {
  /** A value type use: a primitive or an index into the type space. */
  sealed interface ValRef {}

  record Prim(Primitive type) implements ValRef {}

  record Ref(int type) implements ValRef {}

  /** A defined value type. */
  record Val(ValDef def) implements DefType {}

  /** {@code (func (param name t)* (result t)?)}. */
  record Func(List<NamedRef> params, Optional<ValRef> result, boolean async) implements DefType {}

  /** {@code (component decl*)}. */
  record ComponentType(List<Decl> decls) implements DefType {}

  /** {@code (instance decl*)}. */
  record InstanceType(List<Decl> decls) implements DefType {}

  /** {@code (resource (rep i32) (dtor f)?)}. */
  record Resource(Optional<Integer> dtor) implements DefType {}

  record NamedRef(String name, ValRef type) {}

  record CaseRef(String name, Optional<ValRef> type) {}

  /** The body of a {@code defvaltype}. */
  sealed interface ValDef {
    /** Which constructor this is, for exhaustive switches. */
    ValKind kind();
  }

  /** The {@code defvaltype} constructors. */
  enum ValKind {
    PRIM,
    RECORD,
    VARIANT,
    LIST,
    FIXED_LIST,
    TUPLE,
    FLAGS,
    ENUM,
    OPTION,
    RESULT,
    OWN,
    BORROW,
    STREAM,
    FUTURE,
    MAP
  }

  record PrimDef(Primitive type) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.PRIM;
    }
  }

  record RecordDef(List<NamedRef> fields) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.RECORD;
    }
  }

  record VariantDef(List<CaseRef> cases) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.VARIANT;
    }
  }

  record ListDef(ValRef element) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.LIST;
    }
  }

  record FixedListDef(ValRef element, int length) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.FIXED_LIST;
    }
  }

  record TupleDef(List<ValRef> types) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.TUPLE;
    }
  }

  record FlagsDef(List<String> names) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.FLAGS;
    }
  }

  record EnumDef(List<String> names) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.ENUM;
    }
  }

  record OptionDef(ValRef some) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.OPTION;
    }
  }

  record ResultDef(Optional<ValRef> ok, Optional<ValRef> err) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.RESULT;
    }
  }

  record OwnDef(int resource) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.OWN;
    }
  }

  record BorrowDef(int resource) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.BORROW;
    }
  }

  record StreamDef(Optional<ValRef> element) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.STREAM;
    }
  }

  record FutureDef(Optional<ValRef> element) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.FUTURE;
    }
  }

  record MapDef(ValRef key, ValRef value) implements ValDef {
    @Override
    public ValKind kind() {
      return ValKind.MAP;
    }
  }

  /** A declaration in a component or instance type. */
  sealed interface Decl {}

  record CoreTypeDecl() implements Decl {}

  record TypeDecl(DefType type) implements Decl {}

  record AliasDecl(Alias alias) implements Decl {}

  record ExportDecl(String name, ExternType type, NameAttrs attrs) implements Decl {
    public ExportDecl(String name, ExternType type) {
      this(name, type, NameAttrs.NONE);
    }
  }

  record ImportDecl(String name, ExternType type, NameAttrs attrs) implements Decl {
    public ImportDecl(String name, ExternType type) {
      this(name, type, NameAttrs.NONE);
    }
  }
}
