package dev.weft.wit.abi;

import dev.weft.wit.model.TypeId;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Handle;

/**
 * {@code own<R>} and {@code borrow<R>}: the guest sees an i32 index into its instance's {@link
 * HandleTable}; the host sees {@link Handle}s holding the representation (the host's own for
 * resources it defines, the guest's for resources the component defines). A borrow of a resource
 * the component defines crosses into it as the bare representation.
 */
final class HandleCodec extends Codec {
  private final TypeId resource;
  private final boolean own;

  /** A borrow of a resource the component defines itself: it crosses as the bare representation. */
  private final boolean repOnly;

  HandleCodec(TypeId resource, boolean own, boolean repOnly, String display) {
    super(4, 4, new CoreType[] {CoreType.I32}, display);
    this.resource = resource;
    this.own = own;
    this.repOnly = repOnly;
  }

  // The spec's lower_own and lower_borrow ("if cx.inst is t.rt.impl: return rep").
  private int lower(AbiContext cx, WitValue v) {
    if (!(v instanceof Handle h)) {
      throw wrongValue(v);
    }
    return repOnly ? h.index() : cx.handles().add(resource, h.index(), own);
  }

  private WitValue lift(AbiContext cx, long index) {
    HandleTable t = cx.handles();
    return new Handle(own ? t.take(index, resource) : t.borrow(index, resource));
  }

  @Override
  void store(AbiContext cx, WitValue v, long ptr) {
    cx.memory().write32((int) ptr, lower(cx, v));
  }

  @Override
  WitValue load(AbiContext cx, long ptr) {
    return lift(cx, cx.memory().read32((int) ptr) & 0xFFFF_FFFFL);
  }

  @Override
  void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    out[at] = lower(cx, v) & 0xFFFF_FFFFL;
  }

  @Override
  WitValue liftFlat(AbiContext cx, long[] in, int at) {
    return lift(cx, in[at] & 0xFFFF_FFFFL);
  }
}
