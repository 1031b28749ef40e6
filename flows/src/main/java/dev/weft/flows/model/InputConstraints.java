package dev.weft.flows.model;

import dev.weft.wit.value.WitValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the values of one flow input must meet beyond its WIT type, as declared in the input's
 * long form ({@code text: {type: string, max-bytes: 512}}). {@code weft check} has made sure each
 * constraint applies to the input's type; an {@code option<T>} input's constraints apply to the
 * value when there is one.
 *
 * <p>Immutable and thread-safe; {@link #check} is cheap (a string's UTF-8 length is counted, not
 * encoded).
 *
 * @param minBytes {@code min-bytes}: the least UTF-8 bytes of a string, or bytes of a {@code list<u8>}
 * @param maxBytes {@code max-bytes}: the most of them
 * @param minItems {@code min-items}: the least elements of a list
 * @param maxItems {@code max-items}: the most elements of a list
 * @param min {@code min}: the least value of a number
 * @param max {@code max}: the greatest value of a number
 */
public record InputConstraints(
    OptionalLong minBytes,
    OptionalLong maxBytes,
    OptionalLong minItems,
    OptionalLong maxItems,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max) {
  /** No constraints. */
  public static final InputConstraints NONE =
      new InputConstraints(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
          OptionalLong.empty(), Optional.empty(), Optional.empty());

  /**
   * A value that breaks a constraint.
   *
   * @param constraint the key as written in flows: {@code max-bytes}, {@code min}...
   * @param limit the constraint's value
   * @param detail what is wrong, for messages: {@code is 600 bytes long, more than its
   *     `max-bytes: 512`}
   */
  public record Violation(String constraint, BigDecimal limit, String detail) {}

  /** Whether there is no constraint at all. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The constraints as written in a flow, {@code max-bytes: 512, min-bytes: 1}, for messages and docs. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    minBytes.ifPresent(v -> out.add("min-bytes: " + v));
    maxBytes.ifPresent(v -> out.add("max-bytes: " + v));
    minItems.ifPresent(v -> out.add("min-items: " + v));
    maxItems.ifPresent(v -> out.add("max-items: " + v));
    min.ifPresent(v -> out.add("min: " + v.toPlainString()));
    max.ifPresent(v -> out.add("max: " + v.toPlainString()));
    return out;
  }

  /**
   * The first constraint {@code value} breaks, if any. The value has the input's type (the caller
   * has read it against the type); a value of another shape than the constraints expect breaks
   * nothing.
   */
  public Optional<Violation> check(WitValue value) {
    if (isEmpty()) {
      return Optional.empty();
    }
    return switch (value.kind()) {
      case OPTION -> ((WitValue.OptionValue) value).value().flatMap(this::check);
      case STRING -> bytes(utf8Length(((WitValue.Str) value).value()));
      case LIST -> list((WitValue.ListLike) value);
      case U8 -> range(BigDecimal.valueOf(((WitValue.U8) value).value()));
      case U16 -> range(BigDecimal.valueOf(((WitValue.U16) value).value()));
      case U32 -> range(BigDecimal.valueOf(((WitValue.U32) value).value()));
      case U64 -> range(new BigDecimal(Long.toUnsignedString(((WitValue.U64) value).value())));
      case S8 -> range(BigDecimal.valueOf(((WitValue.S8) value).value()));
      case S16 -> range(BigDecimal.valueOf(((WitValue.S16) value).value()));
      case S32 -> range(BigDecimal.valueOf(((WitValue.S32) value).value()));
      case S64 -> range(BigDecimal.valueOf(((WitValue.S64) value).value()));
      case F32 -> floating(((WitValue.F32) value).value());
      case F64 -> floating(((WitValue.F64) value).value());
      case BOOL, CHAR, RECORD, TUPLE, VARIANT, ENUM, FLAGS, RESULT, HANDLE -> Optional.empty();
    };
  }

  /** A list: its elements, and when it is a {@code list<u8>} (the only list with byte limits) its bytes. */
  private Optional<Violation> list(WitValue.ListLike list) {
    return items(list.size()).or(() -> bytes(list.size()));
  }

  /** A float: NaN and the infinities break a `min` or `max` (they are no number in its range). */
  private Optional<Violation> floating(double d) {
    if (Double.isFinite(d)) {
      return range(new BigDecimal(d));
    }
    if (min.isPresent() && !(d == Double.POSITIVE_INFINITY)) {
      return Optional.of(new Violation("min", min.get(), "is " + d + ", not a number of at least its `min: "
          + min.get().toPlainString() + "`"));
    }
    if (max.isPresent() && !(d == Double.NEGATIVE_INFINITY)) {
      return Optional.of(new Violation("max", max.get(), "is " + d + ", not a number of at most its `max: "
          + max.get().toPlainString() + "`"));
    }
    return Optional.empty();
  }

  private Optional<Violation> bytes(long n) {
    if (minBytes.isPresent() && n < minBytes.getAsLong()) {
      return violation("min-bytes", minBytes.getAsLong(), "is " + n + " bytes long, fewer than");
    }
    if (maxBytes.isPresent() && n > maxBytes.getAsLong()) {
      return violation("max-bytes", maxBytes.getAsLong(), "is " + n + " bytes long, more than");
    }
    return Optional.empty();
  }

  private Optional<Violation> items(long n) {
    if (minItems.isPresent() && n < minItems.getAsLong()) {
      return violation("min-items", minItems.getAsLong(), "has " + n + " elements, fewer than");
    }
    if (maxItems.isPresent() && n > maxItems.getAsLong()) {
      return violation("max-items", maxItems.getAsLong(), "has " + n + " elements, more than");
    }
    return Optional.empty();
  }

  private Optional<Violation> range(BigDecimal v) {
    if (min.isPresent() && v.compareTo(min.get()) < 0) {
      return Optional.of(new Violation("min", min.get(),
          "is " + v.toPlainString() + ", less than its `min: " + min.get().toPlainString() + "`"));
    }
    if (max.isPresent() && v.compareTo(max.get()) > 0) {
      return Optional.of(new Violation("max", max.get(),
          "is " + v.toPlainString() + ", more than its `max: " + max.get().toPlainString() + "`"));
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(String key, long limit, String what) {
    return Optional.of(new Violation(key, BigDecimal.valueOf(limit), what + " its `" + key + ": " + limit + "`"));
  }

  /** The length of {@code s} in UTF-8, without encoding it (a lone surrogate counts as `?`, 1 byte). */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
