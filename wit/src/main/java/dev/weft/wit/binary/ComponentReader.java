package dev.weft.wit.binary;

import dev.weft.wit.abi.StringEncoding;
import dev.weft.wit.binary.DefType.ValRef;
import dev.weft.wit.model.Primitive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the sections of a component binary, one method per grammar rule of Binary.md. Every read
 * is bounded by its section, and every error names the byte offset and what was expected. Stateless
 * between calls to {@link #read(byte[])}.
 */
public final class ComponentReader {
  /** The spec's limit on nesting of types, to keep a hostile binary from overflowing the stack. */
  static final int MAX_DEPTH = 100;

  private final byte[] bytes;
  private int pos;
  private int limit;
  private int depth;

  private ComponentReader(byte[] bytes) {
    this.bytes = bytes;
    this.limit = bytes.length;
  }

  /** Whether {@code bytes} starts like a component (not a core module). */
  public static boolean isComponent(byte[] bytes) {
    return bytes.length >= 8
        && bytes[0] == 0
        && bytes[1] == 'a'
        && bytes[2] == 's'
        && bytes[3] == 'm'
        && bytes[6] == 1
        && bytes[7] == 0;
  }

  /**
   * The sections of the component {@code bytes}, in order.
   *
   * @throws BinaryFormatException for malformed or truncated input
   * @throws UnsupportedComponentException for value sections and canonical built-ins whose encoding
   *     Weft does not know
   */
  public static List<Section> read(byte[] bytes) {
    return new ComponentReader(bytes).component();
  }

  // component ::= <preamble> s*:<section>*
  private List<Section> component() {
    preamble();
    List<Section> out = new ArrayList<>();
    while (pos < limit) {
      out.add(section());
    }
    return out;
  }

  // preamble ::= 0x00 0x61 0x73 0x6D 0x0d 0x00 0x01 0x00
  private void preamble() {
    if (bytes.length < 8) {
      throw error(
          bytes.length, "a component preamble of 8 bytes (the file is " + bytes.length + " bytes)");
    }
    if (bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
      throw error(0, "the Wasm magic number `\\0asm`");
    }
    if (bytes[6] == 0 && bytes[7] == 0) {
      throw error(4, "a component, but this is a core Wasm module (layer 0)");
    }
    if (bytes[6] != 1 || bytes[7] != 0) {
      throw error(6, "the component layer 0x01 0x00");
    }
    if (bytes[4] != 0x0d || bytes[5] != 0) {
      throw error(
          4, "component binary version 0x0d, found 0x" + Integer.toHexString(bytes[4] & 0xFF));
    }
    pos = 8;
  }

  // section ::= id:<byte> size:<u32> contents
  private Section section() {
    int idAt = pos;
    int id = u8();
    int size = u32();
    int start = pos;
    if ((long) start + size > limit) {
      throw error(
          idAt,
          "section " + id + " of " + size + " bytes, but only " + (limit - start) + " remain");
    }
    int outer = limit;
    limit = start + size;
    Section s =
        switch (id) {
          case 0 -> new Section.Custom(start, name(), rest());
          case 1 -> new Section.CoreModule(start, rest());
          case 2 -> new Section.CoreInstances(start, vec(this::coreInstance));
          case 3 -> new Section.CoreTypes(start, coreTypes());
          case 4 -> new Section.Component(start, rest());
          case 5 -> new Section.Instances(start, vec(this::instance));
          case 6 -> new Section.Aliases(start, vec(this::alias));
          case 7 -> new Section.Types(start, vec(this::defType));
          case 8 -> new Section.Canons(start, vec(this::canon));
          case 9 -> start(start);
          case 10 -> new Section.Imports(start, vec(this::externDecl));
          case 11 -> new Section.Exports(start, vec(this::export));
          case 12 ->
              throw new UnsupportedComponentException(
                  "value definitions (section 12) are not supported");
          default -> throw error(idAt, "a section id from 0 to 12, found " + id);
        };
    if (pos != limit) {
      throw error(pos, "the end of section " + id + " (" + (limit - pos) + " bytes left over)");
    }
    limit = outer;
    return s;
  }

  private byte[] rest() {
    byte[] out = Arrays.copyOfRange(bytes, pos, limit);
    pos = limit;
    return out;
  }

  // start ::= f:<funcidx> arg*:vec(<valueidx>) r:<u32>
  private Section start(int offset) {
    int f = u32();
    int args = u32();
    if (args != 0) {
      throw new UnsupportedComponentException(
          "a start function with value arguments is not supported");
    }
    u32();
    return new Section.Start(offset, f);
  }

  // core:instanceexpr ::= 0x00 m:<moduleidx> arg*:vec(<core:instantiatearg>) | 0x01
  // e*:vec(<core:inlineexport>)
  private CoreInstanceExpr coreInstance() {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> {
        int module = u32();
        yield new CoreInstanceExpr.Instantiate(module, vec(this::coreInstantiateArg));
      }
      case 0x01 ->
          new CoreInstanceExpr.FromExports(
              vec(() -> new CoreInstanceExpr.Item(name(), coreSortIdx())));
      default -> throw error(at, "a core instance (0x00 instantiate or 0x01 exports)");
    };
  }

  // core:instantiatearg ::= n:<core:name> 0x12 i:<instanceidx>
  private CoreInstanceExpr.Arg coreInstantiateArg() {
    String n = name();
    expect(0x12, "0x12 (instance) in a core instantiate argument");
    return new CoreInstanceExpr.Arg(n, u32());
  }

  // core:sortidx ::= sort:<core:sort> idx:<u32>
  private Sort.Idx coreSortIdx() {
    Sort s = coreSort();
    return new Sort.Idx(s, u32());
  }

  // core:sort ::= 0x00 func | 0x01 table | 0x02 memory | 0x03 global | 0x04 tag | 0x10 type | 0x11
  // module | 0x12 instance
  private Sort coreSort() {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> Sort.CORE_FUNC;
      case 0x01 -> Sort.CORE_TABLE;
      case 0x02 -> Sort.CORE_MEMORY;
      case 0x03 -> Sort.CORE_GLOBAL;
      case 0x04 -> Sort.CORE_TAG;
      case 0x10 -> Sort.CORE_TYPE;
      case 0x11 -> Sort.CORE_MODULE;
      case 0x12 -> Sort.CORE_INSTANCE;
      default -> throw error(at, "a core sort");
    };
  }

  // sort ::= 0x00 cs:<core:sort> | 0x01 func | 0x02 value | 0x03 type | 0x04 component | 0x05
  // instance
  private Sort sort() {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> coreSort();
      case 0x01 -> Sort.FUNC;
      case 0x02 -> Sort.VALUE;
      case 0x03 -> Sort.TYPE;
      case 0x04 -> Sort.COMPONENT;
      case 0x05 -> Sort.INSTANCE;
      default -> throw error(at, "a sort (0x00 to 0x05)");
    };
  }

  private Sort.Idx sortIdx() {
    Sort s = sort();
    return new Sort.Idx(s, u32());
  }

  // instanceexpr ::= 0x00 c:<componentidx> arg*:vec(<instantiatearg>) | 0x01 e*:vec(<inlineexport>)
  private InstanceExpr instance() {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> {
        int c = u32();
        yield new InstanceExpr.Instantiate(c, vec(() -> new InstanceExpr.Item(name(), sortIdx())));
      }
      case 0x01 ->
          new InstanceExpr.FromExports(
              vec(() -> new InstanceExpr.Item(externName().name(), sortIdx())));
      default -> throw error(at, "an instance (0x00 instantiate or 0x01 exports)");
    };
  }

  // alias ::= s:<sort> 0x00 i n | s:<sort> 0x01 i n | s:<sort> 0x02 ct idx
  private Alias alias() {
    Sort s = sort();
    int at = pos;
    return switch (u8()) {
      case 0x00 -> {
        int i = u32();
        yield new Alias.InstanceExport(s, i, name());
      }
      case 0x01 -> {
        int i = u32();
        yield new Alias.CoreInstanceExport(s, i, name());
      }
      case 0x02 -> {
        int ct = u32();
        yield new Alias.Outer(s, ct, u32());
      }
      default -> throw error(at, "an alias target (0x00 export, 0x01 core export, 0x02 outer)");
    };
  }

  // deftype ::= defvaltype | functype | componenttype | instancetype | resourcetype
  private DefType defType() {
    if (++depth > MAX_DEPTH) {
      throw error(pos, "types nested at most " + MAX_DEPTH + " deep");
    }
    try {
      int at = pos;
      int b = u8();
      return switch (b) {
        case 0x40, 0x43 -> funcType(b == 0x43);
        case 0x41 -> new DefType.ComponentType(vec(this::componentDecl));
        case 0x42 -> new DefType.InstanceType(vec(this::instanceDecl));
        case 0x3f -> resourceType();
        default -> {
          pos = at;
          yield new DefType.Val(defValType());
        }
      };
    } finally {
      depth--;
    }
  }

  // functype ::= 0x40 ps:<paramlist> rs:<resultlist>
  private DefType funcType(boolean async) {
    List<DefType.NamedRef> params = vec(() -> new DefType.NamedRef(name(), valType()));
    int at = pos;
    Optional<ValRef> result =
        switch (u8()) {
          case 0x00 -> Optional.of(valType());
          case 0x01 -> {
            if (u32() != 0) {
              throw new UnsupportedComponentException(
                  "functions with named results (an older format) are not supported");
            }
            yield Optional.empty();
          }
          default -> throw error(at, "a result list (0x00 type or 0x01 0x00)");
        };
    return new DefType.Func(params, result, async);
  }

  // resourcetype ::= 0x3f t:<core:valtype> f?:<core:funcidx>?
  private DefType resourceType() {
    expect(0x7f, "i32 as a resource representation");
    return new DefType.Resource(optional(this::u32));
  }

  // componentdecl ::= 0x03 importdecl | instancedecl
  private DefType.Decl componentDecl() {
    if (peek() == 0x03) {
      pos++;
      ExternName n = externName();
      return new DefType.ImportDecl(n.name(), externType(), n.attrs());
    }
    return instanceDecl();
  }

  // instancedecl ::= 0x00 core:type | 0x01 type | 0x02 alias | 0x04 exportdecl
  private DefType.Decl instanceDecl() {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> {
        coreType();
        yield new DefType.CoreTypeDecl();
      }
      case 0x01 -> new DefType.TypeDecl(defType());
      case 0x02 -> new DefType.AliasDecl(alias());
      case 0x04 -> {
        ExternName n = externName();
        yield new DefType.ExportDecl(n.name(), externType(), n.attrs());
      }
      default ->
          throw error(
              at, "a type declaration (0x00 core type, 0x01 type, 0x02 alias, 0x04 export)");
    };
  }

  // externtype ::= 0x00 0x11 i | 0x01 i | 0x02 b | 0x03 b | 0x04 i | 0x05 i
  private ExternType externType() {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> {
        expect(0x11, "0x11 (core module) in an extern type");
        yield new ExternType.CoreModule(u32());
      }
      case 0x01 -> new ExternType.Func(u32());
      case 0x02 ->
          throw new UnsupportedComponentException("value imports and exports are not supported");
      case 0x03 -> {
        int bat = pos;
        yield switch (u8()) {
          case 0x00 -> new ExternType.TypeEq(u32());
          case 0x01 -> new ExternType.SubResource();
          default -> throw error(bat, "a type bound (0x00 eq or 0x01 sub resource)");
        };
      }
      case 0x04 -> new ExternType.Component(u32());
      case 0x05 -> new ExternType.Instance(u32());
      default -> throw error(at, "an extern type (0x00 to 0x05)");
    };
  }

  // import ::= na:<nameattributes> et:<externtype>
  private Section.ExternDecl externDecl() {
    ExternName n = externName();
    return new Section.ExternDecl(n.name(), externType(), n.attrs());
  }

  // export ::= na:<nameattributes> si:<sortidx> et?:<externtype>?
  private Section.Export export() {
    ExternName n = externName();
    Sort.Idx si = sortIdx();
    return new Section.Export(n.name(), si, optional(this::externType), n.attrs());
  }

  private record ExternName(String name, NameAttrs attrs) {}

  // nameattributes ::= 0x00 len en | 0x01 len en | 0x02 len en a*:vec(<attribute>)
  private ExternName externName() {
    int at = pos;
    int tag = u8();
    String n = name();
    return switch (tag) {
      case 0x00, 0x01 -> new ExternName(n, NameAttrs.NONE);
      case 0x02 -> {
        Optional<String> implementsName = Optional.empty();
        Optional<String> versionSuffix = Optional.empty();
        int count = u32();
        for (int i = 0; i < count; i++) {
          int attrAt = pos;
          int kind = u8();
          String value = name();
          switch (kind) {
            case 0x00 -> implementsName = Optional.of(value);
            case 0x01 -> versionSuffix = Optional.of(value);
            case 0x02 -> {
              // An external id names the item for tools; it has no meaning in WIT.
            }
            default ->
                throw error(
                    attrAt,
                    "a name attribute (0x00 implements, 0x01 version suffix, 0x02 external id)");
          }
        }
        yield new ExternName(n, new NameAttrs(implementsName, versionSuffix));
      }
      default -> throw error(at, "a name (0x00, 0x01 or 0x02 with attributes)");
    };
  }

  // defvaltype: a primitive or a type constructor opcode
  private DefType.ValDef defValType() {
    int at = pos;
    int b = u8();
    Primitive p = primitive(b);
    if (p != null) {
      return new DefType.PrimDef(p);
    }
    return switch (b) {
      case 0x72 -> new DefType.RecordDef(vec(() -> new DefType.NamedRef(name(), valType())));
      case 0x71 -> new DefType.VariantDef(vec(this::variantCase));
      case 0x70 -> new DefType.ListDef(valType());
      case 0x67 -> {
        ValRef t = valType();
        yield new DefType.FixedListDef(t, u32());
      }
      case 0x6f -> new DefType.TupleDef(vec(this::valType));
      case 0x6e -> new DefType.FlagsDef(vec(this::name));
      case 0x6d -> new DefType.EnumDef(vec(this::name));
      case 0x6b -> new DefType.OptionDef(valType());
      case 0x6a -> {
        Optional<ValRef> ok = optional(this::valType);
        yield new DefType.ResultDef(ok, optional(this::valType));
      }
      case 0x69 -> new DefType.OwnDef(u32());
      case 0x68 -> new DefType.BorrowDef(u32());
      case 0x66 -> new DefType.StreamDef(optional(this::valType));
      case 0x65 -> new DefType.FutureDef(optional(this::valType));
      case 0x63 -> {
        ValRef k = valType();
        yield new DefType.MapDef(k, valType());
      }
      default -> throw error(at, "a type definition, found opcode 0x" + Integer.toHexString(b));
    };
  }

  // case ::= l:<labellit> t?:<valtype>? 0x00
  private DefType.CaseRef variantCase() {
    String n = name();
    Optional<ValRef> t = optional(this::valType);
    expect(0x00, "0x00 at the end of a variant case");
    return new DefType.CaseRef(n, t);
  }

  // valtype ::= i:<typeidx> | pvt:<primvaltype>  (an s33: primitives are negative single bytes)
  private ValRef valType() {
    int at = pos;
    int b = peek();
    if (b >= 0x40 && b <= 0x7f) {
      pos++;
      Primitive p = primitive(b);
      if (p == null) {
        throw error(
            at, "a value type (a primitive or a type index), found 0x" + Integer.toHexString(b));
      }
      return new DefType.Prim(p);
    }
    long idx = s33();
    if (idx < 0 || idx > Integer.MAX_VALUE) {
      throw error(at, "a type index");
    }
    return new DefType.Ref((int) idx);
  }

  private static Primitive primitive(int b) {
    return switch (b) {
      case 0x7f -> Primitive.BOOL;
      case 0x7e -> Primitive.S8;
      case 0x7d -> Primitive.U8;
      case 0x7c -> Primitive.S16;
      case 0x7b -> Primitive.U16;
      case 0x7a -> Primitive.S32;
      case 0x79 -> Primitive.U32;
      case 0x78 -> Primitive.S64;
      case 0x77 -> Primitive.U64;
      case 0x76 -> Primitive.F32;
      case 0x75 -> Primitive.F64;
      case 0x74 -> Primitive.CHAR;
      case 0x73 -> Primitive.STRING;
      case 0x64 -> Primitive.ERROR_CONTEXT;
      default -> null;
    };
  }

  // canon ::= 0x00 0x00 f opts ft | 0x01 0x00 f opts | 0x02 rt | 0x03 rt | 0x04 rt | ...
  private Canon canon() {
    int at = pos;
    int op = u8();
    return switch (op) {
      case 0x00 -> {
        expect(0x00, "0x00 (func) after canon lift");
        int f = u32();
        List<Canon.CanonOpt> opts = vec(this::canonOpt);
        yield new Canon.Lift(f, opts, u32());
      }
      case 0x01 -> {
        expect(0x00, "0x00 (func) after canon lower");
        int f = u32();
        yield new Canon.Lower(f, vec(this::canonOpt));
      }
      case 0x02 -> new Canon.ResourceNew(u32());
      case 0x03 -> new Canon.ResourceDrop(u32());
      case 0x07 -> {
        u32();
        yield new Canon.Unsupported(op);
      }
      case 0x04 -> new Canon.ResourceRep(u32());
      case 0x05, 0x0d, 0x1e, 0x1f, 0x22, 0x23, 0x24, 0x25, 0x26, 0x28 -> new Canon.Unsupported(op);
      case 0x06, 0x0c, 0x29, 0x2a, 0x2b, 0x2c, 0x2d -> {
        u8();
        yield new Canon.Unsupported(op);
      }
      case 0x09 -> {
        if (u8() == 0x00) {
          valType();
        } else {
          u8();
        }
        vec(this::canonOpt);
        yield new Canon.Unsupported(op);
      }
      case 0x0a, 0x0b -> {
        u8();
        u32();
        yield new Canon.Unsupported(op);
      }
      case 0x0e, 0x13, 0x14, 0x15, 0x1a, 0x1b -> {
        u32();
        yield new Canon.Unsupported(op);
      }
      case 0x0f, 0x10, 0x16, 0x17 -> {
        u32();
        vec(this::canonOpt);
        yield new Canon.Unsupported(op);
      }
      case 0x11, 0x12, 0x18, 0x19 -> {
        u32();
        u8();
        yield new Canon.Unsupported(op);
      }
      case 0x1c, 0x1d -> {
        vec(this::canonOpt);
        yield new Canon.Unsupported(op);
      }
      case 0x20, 0x21 -> {
        u8();
        u32();
        yield new Canon.Unsupported(op);
      }
      case 0x27 -> {
        u32();
        u32();
        yield new Canon.Unsupported(op);
      }
      default ->
          throw new UnsupportedComponentException(
              "canonical built-in 0x"
                  + Integer.toHexString(op)
                  + " (at byte "
                  + at
                  + ") is not supported");
    };
  }

  // canonopt ::= 0x00 utf8 | 0x01 utf16 | 0x02 latin1+utf16 | 0x03 m | 0x04 f | 0x05 f | 0x06 async
  // | 0x07 f
  private Canon.CanonOpt canonOpt() {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> new Canon.Encoding(StringEncoding.UTF8);
      case 0x01 -> new Canon.Encoding(StringEncoding.UTF16);
      case 0x02 -> new Canon.Encoding(StringEncoding.LATIN1_UTF16);
      case 0x03 -> new Canon.Memory(u32());
      case 0x04 -> new Canon.Realloc(u32());
      case 0x05 -> new Canon.PostReturn(u32());
      case 0x06 -> new Canon.Async();
      case 0x07 -> new Canon.Callback(u32());
      default -> throw error(at, "a canonical option (0x00 to 0x07)");
    };
  }

  // Core types are skipped with their structure checked: Weft instantiates core modules from
  // their own binaries and never needs these declarations.
  private int coreTypes() {
    int n = u32();
    for (int i = 0; i < n; i++) {
      coreType();
    }
    return n;
  }

  // core:type ::= 0x60 functype | 0x50 moduletype | rec/sub types (WebAssembly 3.0)
  private void coreType() {
    int at = pos;
    int b = u8();
    switch (b) {
      case 0x60 -> {
        vec(this::coreValType);
        vec(this::coreValType);
      }
      case 0x50 -> vec(this::moduleDecl);
      default ->
          throw new UnsupportedComponentException(
              "core type form 0x"
                  + Integer.toHexString(b)
                  + " (at byte "
                  + at
                  + ") is not supported");
    }
  }

  // core:moduledecl ::= 0x00 import | 0x01 type | 0x02 alias | 0x03 exportdecl
  private int moduleDecl() {
    int at = pos;
    switch (u8()) {
      case 0x00 -> {
        name();
        name();
        coreExternType();
      }
      case 0x01 -> coreType();
      case 0x02 -> {
        expect(0x10, "0x10 (type) in a core outer alias");
        expect(0x01, "0x01 (outer) in a core outer alias");
        u32();
        u32();
      }
      case 0x03 -> {
        name();
        coreExternType();
      }
      default -> throw error(at, "a module type declaration (0x00 to 0x03)");
    }
    return 0;
  }

  // core:externtype ::= 0x00 typeidx | 0x01 tabletype | 0x02 memtype | 0x03 globaltype | 0x04 tag
  private void coreExternType() {
    int at = pos;
    switch (u8()) {
      case 0x00 -> u32();
      case 0x01 -> {
        coreValType();
        limits();
      }
      case 0x02 -> limits();
      case 0x03 -> {
        coreValType();
        u8();
      }
      case 0x04 -> {
        u8();
        u32();
      }
      default -> throw error(at, "a core extern type (0x00 to 0x04)");
    }
  }

  private void limits() {
    int at = pos;
    int flags = u8();
    if (flags > 0x07) {
      throw error(at, "memory or table limits");
    }
    u64();
    if ((flags & 1) != 0) {
      u64();
    }
  }

  // Number and reference types are single bytes; a (ref null? ht) is a prefix and a heap type.
  private int coreValType() {
    int at = pos;
    int b = u8();
    if (b == 0x63 || b == 0x64) {
      s33();
    } else if (b < 0x69 || b > 0x7f) {
      throw error(at, "a core value type");
    }
    return b;
  }

  // ---- primitives ----

  private interface Rule<T> {
    T parse();
  }

  private <T> List<T> vec(Rule<T> rule) {
    int at = pos;
    int n = u32();
    // Every element takes at least one byte: a count past the end is a lie, not a reason to
    // allocate.
    if (n < 0 || n > limit - pos) {
      throw error(
          at,
          "a vector of at most "
              + (limit - pos)
              + " elements, found a count of "
              + Integer.toUnsignedString(n));
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(rule.parse());
    }
    return out;
  }

  private <T> Optional<T> optional(Rule<T> rule) {
    int at = pos;
    return switch (u8()) {
      case 0x00 -> Optional.empty();
      case 0x01 -> Optional.of(rule.parse());
      default -> throw error(at, "0x00 (absent) or 0x01 (present)");
    };
  }

  private void expect(int b, String what) {
    int at = pos;
    if (u8() != b) {
      throw error(at, what);
    }
  }

  private int peek() {
    if (pos >= limit) {
      throw error(
          pos,
          "more bytes (unexpected end of " + (limit == bytes.length ? "file" : "section") + ")");
    }
    return bytes[pos] & 0xFF;
  }

  private int u8() {
    int b = peek();
    pos++;
    return b;
  }

  private int u32() {
    int at = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = u8();
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        if (shift == 28 && (b & 0x70) != 0) {
          throw error(at, "a u32 (LEB128 value too large)");
        }
        return (int) result;
      }
      if (shift >= 28) {
        throw error(at, "a u32 (LEB128 longer than 5 bytes)");
      }
    }
  }

  private long u64() {
    int at = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = u8();
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      if (shift >= 63) {
        throw error(at, "a u64 (LEB128 longer than 10 bytes)");
      }
    }
  }

  private long s33() {
    int at = pos;
    long result = 0;
    int shift = 0;
    int b;
    do {
      b = u8();
      result |= (long) (b & 0x7f) << shift;
      shift += 7;
      if (shift > 35) {
        throw error(at, "an s33 (LEB128 longer than 5 bytes)");
      }
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  // name ::= len:<u32> bytes (UTF-8)
  private String name() {
    int at = pos;
    int len = u32();
    if (len < 0 || len > limit - pos) {
      throw error(
          at,
          "a name of "
              + Integer.toUnsignedString(len)
              + " bytes, but only "
              + (limit - pos)
              + " remain");
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, pos, len))
              .toString();
      pos += len;
      return s;
    } catch (CharacterCodingException e) {
      throw error(at, "a UTF-8 name");
    }
  }

  private static BinaryFormatException error(int offset, String expected) {
    return new BinaryFormatException(offset, "expected " + expected);
  }
}
