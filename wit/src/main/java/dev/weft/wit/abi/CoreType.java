package dev.weft.wit.abi;

/**
 * A core Wasm value type as used by flattening. Flat values travel as {@code long}s holding the raw
 * bits: {@code i32} and {@code f32} zero-extended, {@code i64} and {@code f64} as is, so that the
 * variant joins ({@code i32}/{@code f32} to {@code i32}, anything with 64 bits to {@code i64}) are
 * free.
 */
public enum CoreType {
  I32,
  I64,
  F32,
  F64;

  /**
   * The spec's {@code join}: the type that can carry both.
   *
   * @see <a
   *     href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">Flattening</a>
   */
  public static CoreType join(CoreType a, CoreType b) {
    if (a == b) {
      return a;
    }
    if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
      return I32;
    }
    return I64;
  }
}
