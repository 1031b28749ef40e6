package dev.weft.flows.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.flows.ast.InputDecl;
import dev.weft.flows.model.InputConstraints;
import dev.weft.flows.model.Typed;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.model.WitType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the constraints of one input against its WIT type: each must apply to the type
 * ({@code FLOW0601}: byte limits to {@code string} and {@code list<u8>}, element limits to lists,
 * {@code min}/{@code max} to numbers; through one {@code option}), and each value must make sense
 * ({@code FLOW0602}: a whole number of bytes or elements, a bound the type can hold, a minimum no
 * greater than its maximum).
 */
final class ConstraintCheck {
  /** The most bytes or elements a value can have: a Wasm memory holds less than 4 GiB. */
  private static final long MAX_LENGTH = 0xFFFF_FFFFL;

  private final InputDecl decl;
  private final Diagnostics diags;
  private final Map<String, InputDecl.Constraint> byKey = new LinkedHashMap<>();

  private ConstraintCheck(InputDecl decl, Diagnostics diags) {
    this.decl = decl;
    this.diags = diags;
  }

  /** The checked constraints of {@code decl}, whose type is {@code type}; problems go to {@code diags}. */
  static InputConstraints check(InputDecl decl, Typed type, Diagnostics diags) {
    return decl.constraints().isEmpty() ? InputConstraints.NONE : new ConstraintCheck(decl, diags).run(type);
  }

  private InputConstraints run(Typed typed) {
    WitType t = typed.structure();
    if (t instanceof OptionType o) {
      t = typed.table().unalias(o.some());
    }
    String typeName = TypeNames.display(t, typed.table());
    Kind k = t.kind();
    boolean bytes = k == Kind.STRING
        || t instanceof ListType l && typed.table().unalias(l.element()).kind() == Kind.U8;
    boolean items = k == Kind.LIST;
    boolean integer = integerRange(k).isPresent();
    boolean number = integer || k == Kind.F32 || k == Kind.F64;
    String takes = bytes && items ? "`min-bytes`, `max-bytes`, `min-items` and `max-items`"
        : bytes ? "`min-bytes` and `max-bytes`"
        : items ? "`min-items` and `max-items`"
        : number ? "`min` and `max`"
        : "no constraints";
    for (InputDecl.Constraint c : decl.constraints()) {
      String key = c.key().name();
      boolean fits = switch (key) {
        case "min-bytes", "max-bytes" -> bytes;
        case "min-items", "max-items" -> items;
        default -> number;
      };
      if (!fits) {
        diags.error("FLOW0601", "`" + key + "` does not apply to input `" + decl.name().name()
                + "` of type `" + typeName + "`", c.key().span(),
            "`" + typeName + "` takes " + takes + "; " + applies(key));
        continue;
      }
      byKey.put(key, c);
    }
    Map<String, BigDecimal> values = new LinkedHashMap<>(); // read in source order, as problems are reported
    for (String key : byKey.keySet()) {
      (key.equals("min") || key.equals("max") ? bound(key, k, integer) : length(key))
          .ifPresent(v -> values.put(key, v));
    }
    OptionalLong minBytes = whole(values.get("min-bytes"));
    OptionalLong maxBytes = whole(values.get("max-bytes"));
    OptionalLong minItems = whole(values.get("min-items"));
    OptionalLong maxItems = whole(values.get("max-items"));
    Optional<BigDecimal> min = Optional.ofNullable(values.get("min"));
    Optional<BigDecimal> max = Optional.ofNullable(values.get("max"));
    ordered("min-bytes", minBytes, "max-bytes", maxBytes);
    ordered("min-items", minItems, "max-items", maxItems);
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      empty("min", "max");
    }
    return new InputConstraints(minBytes, maxBytes, minItems, maxItems, min, max);
  }

  private static String applies(String key) {
    return switch (key) {
      case "min-bytes", "max-bytes" -> "`" + key + "` is for `string` and `list<u8>` inputs";
      case "min-items", "max-items" -> "`" + key + "` is for list inputs";
      default -> "`" + key + "` is for integer and float inputs";
    };
  }

  private static OptionalLong whole(BigDecimal v) {
    return v == null ? OptionalLong.empty() : OptionalLong.of(v.longValueExact());
  }

  /** A byte or element count: a whole number from 0 to 4294967295. */
  private Optional<BigDecimal> length(String key) {
    InputDecl.Constraint c = byKey.get(key);
    JsonNode n = LiteralTypes.toJson(c.value());
    if (n.isIntegralNumber() && n.bigIntegerValue().signum() >= 0
        && n.bigIntegerValue().compareTo(BigInteger.valueOf(MAX_LENGTH)) <= 0) {
      return Optional.of(new BigDecimal(n.bigIntegerValue()));
    }
    diags.error("FLOW0602", "`" + key + "` of input `" + decl.name().name() + "` must be a whole number of "
            + (key.endsWith("bytes") ? "bytes" : "elements") + ", found `" + c.value().value() + "`",
        c.value().span(), "write a number from 0 to " + MAX_LENGTH + ", e.g. `" + key + ": 512`");
    return Optional.empty();
  }

  /** A {@code min} or {@code max}: a finite number the input's type can hold. */
  private Optional<BigDecimal> bound(String key, Kind kind, boolean integer) {
    InputDecl.Constraint c = byKey.get(key);
    JsonNode n = LiteralTypes.toJson(c.value());
    if (!n.isNumber()) {
      diags.error("FLOW0602", "`" + key + "` of input `" + decl.name().name() + "` must be a finite number, found `"
          + c.value().value() + "`", c.value().span(), "write e.g. `" + key + ": 100`");
      return Optional.empty();
    }
    BigDecimal v = n.decimalValue();
    if (integer) {
      Optional<BigDecimal[]> range = integerRange(kind);
      boolean whole = v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
      if (!whole || v.compareTo(range.get()[0]) < 0 || v.compareTo(range.get()[1]) > 0) {
        String typeName = kind.name().toLowerCase();
        diags.error("FLOW0602", "`" + key + ": " + c.value().value() + "` does not fit input `" + decl.name().name()
                + "` of type `" + typeName + "`", c.value().span(),
            "a `" + typeName + "` is a whole number from " + range.get()[0].toPlainString() + " to "
                + range.get()[1].toPlainString());
        return Optional.empty();
      }
    }
    return Optional.of(v);
  }

  /** The smallest and greatest value of an integer kind; empty for every other kind. */
  private static Optional<BigDecimal[]> integerRange(Kind kind) {
    return switch (kind) {
      case U8 -> range(0, 0xFF);
      case U16 -> range(0, 0xFFFF);
      case U32 -> range(0, 0xFFFF_FFFFL);
      case U64 -> Optional.of(new BigDecimal[] {
          BigDecimal.ZERO, new BigDecimal(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))});
      case S8 -> range(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case S16 -> range(Short.MIN_VALUE, Short.MAX_VALUE);
      case S32 -> range(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case S64 -> range(Long.MIN_VALUE, Long.MAX_VALUE);
      case BOOL, F32, F64, CHAR, STRING, ERROR_CONTEXT, LIST, FIXED_LIST, OPTION, RESULT, TUPLE, RECORD,
          VARIANT, ENUM, FLAGS, RESOURCE, OWN, BORROW, FUTURE, STREAM, NAMED, MAP -> Optional.empty();
    };
  }

  private static Optional<BigDecimal[]> range(long lo, long hi) {
    return Optional.of(new BigDecimal[] {BigDecimal.valueOf(lo), BigDecimal.valueOf(hi)});
  }

  private void ordered(String lowKey, OptionalLong low, String highKey, OptionalLong high) {
    if (low.isPresent() && high.isPresent() && low.getAsLong() > high.getAsLong()) {
      empty(lowKey, highKey);
    }
  }

  private void empty(String lowKey, String highKey) {
    InputDecl.Constraint low = byKey.get(lowKey);
    InputDecl.Constraint high = byKey.get(highKey);
    diags.error("FLOW0602", "`" + lowKey + ": " + low.value().value() + "` is more than `" + highKey + ": "
            + high.value().value() + "`: no value of input `" + decl.name().name() + "` could pass",
        low.value().span(), "swap them, or remove one");
  }
}
