package dev.weft.engine.host;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.ListLike;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.VariantValue;
import java.util.Optional;

/**
 * Reading host-call arguments and building results. Arguments were checked against the import's
 * WIT type before the host function runs, so the casts here cannot fail for a component built
 * against {@code weft:host}; one built against another WIT with the same names gets a host error.
 */
final class HostValues {
  private HostValues() {}

  static String str(WitValue v) {
    return ((Str) v).value();
  }

  static byte[] bytes(WitValue v) {
    if (v instanceof Bytes b) {
      return b.toArray();
    }
    ListLike l = (ListLike) v;
    byte[] out = new byte[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((WitValue.U8) l.get(i)).value();
    }
    return out;
  }

  static Optional<WitValue> ok(WitValue v) {
    return Optional.of(ResultValue.ok(v));
  }

  static Optional<WitValue> err(String caseName, String detail) {
    return Optional.of(errValue(caseName, detail));
  }

  static Optional<WitValue> err(String caseName) {
    return Optional.of(errValue(caseName));
  }

  /** {@code err(case(detail))} of a {@code result<_, error>}. */
  static ResultValue errValue(String caseName, String detail) {
    return ResultValue.err(VariantValue.of(caseName, new Str(detail)));
  }

  /** {@code err(case)} of a {@code result<_, error>}, for a case without payload. */
  static ResultValue errValue(String caseName) {
    return ResultValue.err(VariantValue.of(caseName));
  }

  /** {@code unavailable: connection refused}: an error variant's case and payload, for messages. */
  static String describeError(WitValue error) {
    if (error instanceof VariantValue v) {
      return v.caseName() + v.payload().map(p -> ": " + (p instanceof Str s ? s.value() : p.toString())).orElse("");
    }
    return String.valueOf(error);
  }
}
