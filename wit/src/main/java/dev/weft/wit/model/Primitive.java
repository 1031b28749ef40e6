package dev.weft.wit.model;

/** The WIT types that have no parameters. */
public enum Primitive implements WitType {
  BOOL(Kind.BOOL, "bool"),
  U8(Kind.U8, "u8"),
  U16(Kind.U16, "u16"),
  U32(Kind.U32, "u32"),
  U64(Kind.U64, "u64"),
  S8(Kind.S8, "s8"),
  S16(Kind.S16, "s16"),
  S32(Kind.S32, "s32"),
  S64(Kind.S64, "s64"),
  F32(Kind.F32, "f32"),
  F64(Kind.F64, "f64"),
  CHAR(Kind.CHAR, "char"),
  STRING(Kind.STRING, "string"),
  ERROR_CONTEXT(Kind.ERROR_CONTEXT, "error-context");

  private final Kind kind;
  private final String witName;

  Primitive(Kind kind, String witName) {
    this.kind = kind;
    this.witName = witName;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  /** The keyword that names this type in WIT source, such as {@code u32} or {@code string}. */
  public String witName() {
    return witName;
  }
}
